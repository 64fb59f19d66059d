/**
 * Counts the bytes of the runtime's own downloads as they stream in, watching the worker's
 * fetches (fetch-interceptor.ts): Pyodide fetches the wasm and the standard library itself.
 * The response Pyodide gets is the untouched original, so the browser streams it straight into
 * the WebAssembly compiler; a clone (teed natively) is what gets counted. Piping the body
 * through a JavaScript transform instead slowed every cold start.
 */
import type { FetchInterceptor } from './fetch-interceptor';

export type ProgressListener = (loaded: number, total: number) => void;

/** Progress is reported in steps of this fraction of the total, not once per chunk... */
const STEP = 0.02;
/** ...and at most this often (a progress bar looks smooth at ten updates a second), but always the end. */
const MIN_INTERVAL_MS = 100;

export function trackDownloads(
  fetches: FetchInterceptor,
  baseURL: string,
  expectedSizes: Record<string, number>,
  onProgress: ProgressListener,
  now: () => number = () => performance.now(),
): void {
  const total = Object.values(expectedSizes).reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  let reported = 0;
  let reportedAt = -Infinity;
  const add = (bytes: number) => {
    loaded += bytes;
    const done = loaded >= total;
    if (!done && loaded - reported < total * STEP) return;
    const at = now();
    if (!done && at - reportedAt < MIN_INTERVAL_MS) return;
    reported = loaded;
    reportedAt = at;
    onProgress(Math.min(loaded, total), total);
  };
  fetches.plug({
    observe(url, response) {
      const name = url.startsWith(baseURL) ? url.slice(baseURL.length) : '';
      if (name in expectedSizes && response.body) void count(response.clone().body, add);
    },
  });
}

async function count(body: ReadableStream<Uint8Array> | null, add: (bytes: number) => void) {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      add(value.byteLength);
    }
  } catch {
    // The download failed; Pyodide reports that through its own copy.
  }
}
