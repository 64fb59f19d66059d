import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineStopped, EngineTimeout, workerEngine } from './engine';
import type { ResolverWorkerApi } from './protocol';
import { resolveText, runNaiveText } from './run-lab';

/** A stand-in for the Web Worker: the same API over a MessageChannel, in this thread. */
function fakeWorkers(api: ResolverWorkerApi) {
  const made: Array<{ terminated: boolean }> = [];
  const ports: MessagePort[] = [];
  const create = () => {
    const channel = new MessageChannel();
    Comlink.expose(api, channel.port2);
    ports.push(channel.port1, channel.port2);
    const record = { terminated: false };
    made.push(record);
    const worker = Object.assign(channel.port1, {
      terminate: () => {
        record.terminated = true;
        channel.port1.close();
        channel.port2.close();
      },
    });
    return worker as unknown as Worker;
  };
  return { create, made, close: () => ports.forEach((port) => port.close()) };
}

const never = () => new Promise<never>(() => {});
let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('workerEngine', () => {
  it('resolves through the worker and reuses it', async () => {
    const workers = fakeWorkers({ resolve: resolveText, runNaive: runNaiveText });
    cleanup = workers.close;
    const engine = workerEngine({ createWorker: workers.create });
    const signal = new AbortController().signal;
    const outcome = await engine.resolve('root -> a\na 1.0.0 2.0.0\n', signal);
    expect(outcome.kind === 'resolved' && outcome.result.ok && outcome.result.solution).toEqual({
      a: '2.0.0',
    });
    const naive = await engine.runNaive('root -> a\na 1.0.0\n', 10, signal);
    expect(naive).toMatchObject({ ok: true, stepCount: 1, maxSteps: 10 });
    expect(workers.made).toHaveLength(1);
    engine.dispose();
    expect(workers.made[0]?.terminated).toBe(true);
  });

  it('stops a worker that runs too long, and starts a fresh one for the next call', async () => {
    let hang = true;
    const workers = fakeWorkers({
      resolve: (text) => (hang ? (never() as never) : resolveText(text)),
      runNaive: runNaiveText,
    });
    cleanup = workers.close;
    const engine = workerEngine({ createWorker: workers.create, timeoutMs: 30 });
    const signal = new AbortController().signal;
    await expect(engine.resolve('root\n', signal)).rejects.toBeInstanceOf(EngineTimeout);
    expect(workers.made[0]?.terminated).toBe(true);
    hang = false;
    await expect(engine.resolve('root\n', signal)).resolves.toMatchObject({ kind: 'resolved' });
    expect(workers.made).toHaveLength(2);
  });

  it('stops the worker when a call is aborted, failing the calls still waiting on it', async () => {
    const workers = fakeWorkers({
      resolve: () => never() as never,
      runNaive: () => never() as never,
    });
    cleanup = workers.close;
    const engine = workerEngine({ createWorker: workers.create });
    const controller = new AbortController();
    const other = engine.runNaive('root\n', 10, new AbortController().signal);
    const aborted = engine.resolve('root\n', controller.signal);
    controller.abort(new Error('newer request'));
    await expect(aborted).rejects.toThrow('newer request');
    await expect(other).rejects.toBeInstanceOf(EngineStopped);
    expect(workers.made[0]?.terminated).toBe(true);
  });
});
