/**
 * The page's side of warm starts: after a start without a snapshot, a Python worker of its own
 * makes one for the next visit, in the background, and is then ended. The learner's interpreter
 * never pays for it (it could not be snapshotted anyway once our session holds JavaScript
 * objects).
 */
import * as Comlink from 'comlink';
import type { RuntimeApi } from './protocol';

/** Resolves once the snapshot is kept, could not be made, or `signal` ended the worker. */
export async function keepSnapshot(
  createWorker: () => Worker,
  indexURL: string,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  const worker = createWorker();
  const api = Comlink.wrap<RuntimeApi>(worker);
  // A terminated worker never answers, so an abort settles the wait itself.
  const aborted = new Promise<void>((resolve) =>
    signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  const failed = new Promise<void>((resolve) => worker.addEventListener('error', () => resolve()));
  try {
    await Promise.race([api.makeSnapshot(indexURL), aborted, failed]);
  } catch {
    // Only an optimisation: the next visit starts normally and tries again.
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
