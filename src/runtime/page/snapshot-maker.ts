/**
 * The page's side of warm starts: after a start without a snapshot, a Python worker of its own
 * makes one for the next visit, in the background, and is then ended. The learner's interpreter
 * never pays for it (it could not be snapshotted anyway once our session holds JavaScript
 * objects).
 */
import * as Comlink from 'comlink';
import type { RuntimeApi } from '../protocol';

/**
 * The key of the snapshot kept for the next start, once it is; undefined when it could not be
 * made or `signal` ended the worker first.
 */
export async function keepSnapshot(
  createWorker: () => Worker,
  indexURL: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (signal.aborted) return undefined;
  const worker = createWorker();
  const api = Comlink.wrap<RuntimeApi>(worker);
  // A terminated worker never answers, so an abort settles the wait itself.
  const aborted = new Promise<undefined>((resolve) =>
    signal.addEventListener('abort', () => resolve(undefined), { once: true }),
  );
  const failed = new Promise<undefined>((resolve) =>
    worker.addEventListener('error', () => resolve(undefined)),
  );
  try {
    return await Promise.race([api.makeSnapshot(indexURL), aborted, failed]);
  } catch {
    return undefined; // only an optimisation: the next visit starts normally and tries again
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
