/**
 * Starts downloads before the code that needs them asks: Pyodide's loader fetches its core
 * files itself, and only once it runs, but the worker knows their addresses from the start and
 * has other work to do first (finding a saved snapshot). Each early response is handed out
 * once, to the first fetch of the same address (fetch-interceptor.ts); every other fetch goes
 * to the network as usual.
 */
import type { FetchInterceptor } from './fetch-interceptor';

export function fetchAhead(fetches: FetchInterceptor, urls: string[]): void {
  const early = new Map<string, Promise<Response>>();
  for (const url of urls) {
    const response = fetches.network(url);
    response.catch(() => {}); // reported to whoever takes it
    early.set(url, response);
  }
  fetches.plug({
    answer(url) {
      const response = early.get(url);
      early.delete(url);
      return response;
    },
  });
}
