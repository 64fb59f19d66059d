export { RuntimeClient } from './page/client.svelte';
export type {
  ResetReason,
  RunHandlers,
  RunInput,
  RunOutcome,
  RuntimeStatus,
} from './page/client.svelte';
export { provideRuntime, useRuntime } from './page/context';
export type { CheckResult, PythonError, RunResult, RuntimeInfo, SyntaxProblem } from './protocol';
