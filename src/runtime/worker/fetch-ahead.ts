/**
 * Starts downloads before the code that needs them asks: Pyodide's loader fetches its core
 * files itself, and only once it runs, but the worker knows their addresses from the start and
 * has other work to do first (finding a saved snapshot). Each early response is handed out
 * once, to the first fetch of the same address; every other fetch goes to the network as usual.
 */
export function fetchAhead(scope: { fetch: typeof fetch }, urls: string[]): () => void {
  const original = scope.fetch;
  const early = new Map<string, Promise<Response>>();
  for (const url of urls) {
    const response = original(url);
    response.catch(() => {}); // reported to whoever takes it
    early.set(url, response);
  }
  scope.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = early.get(url);
    if (response && !init?.integrity && !(input instanceof Request)) {
      early.delete(url);
      return response;
    }
    return original(input, init);
  };
  return () => {
    scope.fetch = original;
    early.clear();
  };
}
