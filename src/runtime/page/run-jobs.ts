/**
 * A run as the page's runtime client holds it: what the page asked, the handlers its streamed
 * events go to, and how it ends, including the results for runs Python could not finish.
 */
import type {
  OutputStream,
  PackageState,
  PythonError,
  RunRequest,
  RunResult,
  RuntimeEvent,
} from '../protocol';

/** Why the interpreter was replaced, which means every variable is gone. */
export type ResetReason = 'stop' | 'crash' | 'user';

export interface RunHandlers {
  /** The run left the queue: Python is executing it now. */
  onStart?(): void;
  onOutput(stream: OutputStream, text: string, droppedLines: number): void;
  onPackages?(names: string[], state: PackageState, message?: string): void;
  onInput?(): void;
}

export interface RunOutcome {
  result: RunResult;
  /** Set when this run ended because the interpreter was replaced. */
  reset?: ResetReason;
  /** Stop was pressed while the run still waited in the queue: nothing ran. */
  cancelled?: boolean;
}

export type RunInput = Omit<RunRequest, 'runId'>;

export interface Job {
  request: RunRequest;
  handlers: RunHandlers;
  resolve(outcome: RunOutcome): void;
  /** Settles when the run ends, however it ends (what `resolve` was given). */
  ended: Promise<RunOutcome>;
  /** Settles on the run's `done` event: its output and its result come on different ports. */
  drained: Promise<void>;
  drain(): void;
}

/** A job for `request`, and the promise that settles when it ends, however it ends. */
export function createJob(
  request: RunRequest,
  handlers: RunHandlers,
): { job: Job; done: Promise<RunOutcome> } {
  let drain = () => {};
  const drained = new Promise<void>((resolve) => (drain = resolve));
  let resolve: (outcome: RunOutcome) => void = () => {};
  const done = new Promise<RunOutcome>((settle) => (resolve = settle));
  return { job: { request, handlers, resolve, ended: done, drained, drain }, done };
}

/** Hands one of the run's own events (output, packages, input, done) to its handlers. */
export function deliverRunEvent(
  job: Job,
  event: Exclude<RuntimeEvent, { type: 'boot' } | { type: 'fatal' }>,
): void {
  if (event.type === 'done') {
    job.drain();
  } else if (event.type === 'output') {
    job.handlers.onOutput(event.stream, event.text, event.droppedLines ?? 0);
  } else if (event.type === 'packages') {
    job.handlers.onPackages?.(event.names, event.state, event.message);
  } else {
    job.handlers.onInput?.();
  }
}

function errorResult(filename: string, error: Omit<PythonError, 'filename'>): RunResult {
  return { ok: false, durationMs: 0, error: { ...error, filename } };
}

export function stoppedResult(filename: string): RunResult {
  return errorResult(filename, {
    type: 'KeyboardInterrupt',
    message: 'stopped',
    traceback: '',
    line: null,
    interrupted: true,
  });
}

export function crashedResult(filename: string, why: string): RunResult {
  return errorResult(filename, {
    type: 'FatalError',
    message: why,
    traceback: '',
    line: null,
    interrupted: false,
  });
}
