/**
 * What the events say about a finished run or Check, from the runtime's outcome. Kept apart
 * from events.ts so that the page's first script (which only dispatches) stays without them.
 */
import type { RunOutcome } from '../runtime';
import type { CheckDetail, RunEndDetail, RunMode } from './events';

/** How a run ended, as `wheelhouse:run-end` tells it. */
export function runEndDetail(
  mode: RunMode,
  { result, reset, cancelled }: RunOutcome,
): RunEndDetail {
  const stopped =
    cancelled === true || reset === 'stop' || (!result.ok && result.error.interrupted);
  return {
    mode,
    ok: result.ok,
    durationMs: Math.round(result.durationMs),
    ...(!result.ok && {
      error: { type: result.error.type, message: result.error.message, line: result.error.line },
    }),
    stopped,
    stateReset: reset !== undefined,
  };
}

/** What a Check found, as `wheelhouse:check` tells it. */
export function checkDetail({ result }: RunOutcome): CheckDetail {
  const results = result.checks ?? [];
  return {
    passed: result.ok && results.length > 0 && results.every((check) => check.passed),
    results,
  };
}
