/**
 * How the lab state reaches the resolver: `workerEngine` in the page (a Web Worker, stopped when
 * it runs too long or a newer request replaces it), `inProcessEngine` in tests.
 */
import * as Comlink from 'comlink';
import type { LabOutcome, NaiveSummary, ResolverWorkerApi } from './protocol';
import { resolveText, runNaiveText } from './run-lab';

export interface LabEngine {
  resolve(text: string, signal: AbortSignal): Promise<LabOutcome>;
  runNaive(text: string, maxSteps: number, signal: AbortSignal): Promise<NaiveSummary | null>;
  /** Frees what the engine holds (its worker); it starts again if called after. */
  dispose(): void;
}

/** The resolver took longer than the engine allows; the worker was stopped. */
export class EngineTimeout extends Error {
  override name = 'EngineTimeout';
  readonly seconds: number;
  constructor(seconds: number) {
    super(`stopped after ${seconds} s`);
    this.seconds = seconds;
  }
}

export const inProcessEngine: LabEngine = {
  resolve: async (text) => resolveText(text),
  runNaive: async (text, maxSteps) => runNaiveText(text, maxSteps),
  dispose: () => {},
};

interface WorkerEngineOptions {
  timeoutMs?: number;
  createWorker?: () => Worker;
}

/** The worker was stopped (timeout, abort) while this call waited on it. */
export class EngineStopped extends Error {
  override name = 'EngineStopped';
}

/**
 * One worker, made on demand. A call that times out or is aborted terminates it (a busy worker
 * cannot be interrupted otherwise); the calls still waiting on it are rejected with EngineStopped.
 */
export function workerEngine(options: WorkerEngineOptions = {}): LabEngine {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const create =
    options.createWorker ??
    (() => new Worker(new URL('./resolver.worker.ts', import.meta.url), { type: 'module' }));
  let current: {
    worker: Worker;
    api: Comlink.Remote<ResolverWorkerApi>;
    waiting: Set<(error: Error) => void>;
  } | null = null;

  const stop = () => {
    const stopped = current;
    current = null;
    stopped?.worker.terminate();
    for (const reject of stopped?.waiting ?? [])
      reject(new EngineStopped('the resolver was stopped'));
  };

  function call<T>(
    signal: AbortSignal,
    work: (api: Comlink.Remote<ResolverWorkerApi>) => Promise<T>,
  ): Promise<T> {
    if (!current) {
      const worker = create();
      current = { worker, api: Comlink.wrap<ResolverWorkerApi>(worker), waiting: new Set() };
    }
    const { api, waiting } = current;
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        waiting.delete(fail);
      };
      const fail = (error: Error) => {
        settle();
        reject(error);
      };
      const timer = setTimeout(() => {
        fail(new EngineTimeout(timeoutMs / 1000));
        stop();
      }, timeoutMs);
      const onAbort = () => {
        fail(signal.reason instanceof Error ? signal.reason : new EngineStopped('aborted'));
        stop();
      };
      waiting.add(fail);
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort);
      work(api).then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  return {
    resolve: (text, signal) => call<LabOutcome>(signal, (api) => api.resolve(text)),
    runNaive: (text, maxSteps, signal) =>
      call<NaiveSummary | null>(signal, (api) => api.runNaive(text, maxSteps)),
    dispose: stop,
  };
}
