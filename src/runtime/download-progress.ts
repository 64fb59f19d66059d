/**
 * Counts the bytes of the runtime's own downloads as they stream in, by wrapping the worker's
 * fetch: Pyodide fetches the wasm and the standard library itself, so this is the one place to
 * observe them. Streaming wasm compilation still works: the body stays a stream and the headers
 * (with the wasm MIME type) are kept.
 */

export type ProgressListener = (loaded: number, total: number) => void;

export function trackDownloads(
  scope: { fetch: typeof fetch },
  baseURL: string,
  expectedSizes: Record<string, number>,
  onProgress: ProgressListener,
): () => void {
  const original = scope.fetch;
  const total = Object.values(expectedSizes).reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  scope.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const name = url.startsWith(baseURL) ? url.slice(baseURL.length) : '';
    if (!(name in expectedSizes) || !response.body) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        onProgress(Math.min(loaded, total), total);
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return () => {
    scope.fetch = original;
  };
}
