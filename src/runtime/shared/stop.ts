/**
 * Stop, as the page and Node's tools both do it: ask Python to raise KeyboardInterrupt, give
 * the run a grace period to end by itself (its variables are kept), and if it has not ended,
 * replace the interpreter: every variable is gone, and the caller tells the user so. Where
 * Python cannot be interrupted (a page that is not cross-origin isolated), the interpreter is
 * replaced at once.
 */

/** How long an interrupted run may take to end before its interpreter is replaced. */
export const STOP_GRACE_MS = {
  /**
   * A learner pressed Stop and is watching. Python sees an interrupt within milliseconds
   * whenever it runs Python code; one that has not ended 1.5 s later is stuck where nothing
   * looks (a long call into C), and a fresh interpreter is the quicker answer.
   */
  page: 1500,
  /**
   * `pack check` and the tests stop programs at their time limit, many in a row, on machines
   * that may be loaded (two cores in CI) and with nobody waiting to see it; a replaced thread
   * costs a whole new interpreter's start, so a slow but working interrupt gets longer.
   */
  node: 3000,
} as const;

export interface StopRun<T> {
  /** Settles when the run ends, however it ends. */
  ended: Promise<T>;
  /** Asks Python to raise KeyboardInterrupt; absent where Python cannot be interrupted. */
  interrupt?: () => void;
  graceMs: number;
  /** Replaces the interpreter (the run ends with it). */
  replace: () => Promise<void>;
}

/**
 * Stops a run: `{ ended }` with how the run ended when the interrupt ended it in time, or
 * `'replaced'` once the interpreter has been replaced.
 */
export async function stopRun<T>(stop: StopRun<T>): Promise<{ ended: T } | 'replaced'> {
  if (stop.interrupt) {
    stop.interrupt();
    const outcome = await settleWithin(stop.ended, stop.graceMs);
    if (outcome !== TIMED_OUT) return { ended: outcome };
  }
  await stop.replace();
  return 'replaced';
}

export const TIMED_OUT = Symbol('timed out');

/** `promise`'s value if it settles within `ms`, else TIMED_OUT. */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>(
    (resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
