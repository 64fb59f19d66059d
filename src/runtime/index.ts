export { RuntimeClient } from './client.svelte';
export type {
  ResetReason,
  RunHandlers,
  RunInput,
  RunOutcome,
  RuntimeStatus,
} from './client.svelte';
export { provideRuntime, useRuntime } from './context';
export type { CheckResult, PythonError, RunResult, RuntimeInfo, SyntaxProblem } from './protocol';
