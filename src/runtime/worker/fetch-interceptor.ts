/**
 * The one place the Python worker stands between Pyodide's loader and the network while
 * Python starts. The loader fetches its files itself, so the start's features that need those
 * fetches plug in here: counting the runtime's downloads (download-progress.ts), handing the
 * loader a wasm compiled while it downloaded (compile-ahead.ts) and handing over responses
 * requested early (fetch-ahead.ts). The worker installs this once and removes it once Python
 * has started (worker-start.ts).
 */

export interface FetchPlugin {
  /**
   * A response for a fetch of `url`, or undefined to leave the fetch to the next plug-in and
   * then the network. Only asked about plain fetches of an address: a Request object or an
   * integrity check may ask for more than an answer given here would honour.
   */
  answer?(url: string): Promise<Response> | undefined;
  /**
   * Sees each response the network gives, before whoever fetched it does. The body belongs to
   * them: read a clone.
   */
  observe?(url: string, response: Response): void;
}

export interface FetchInterceptor {
  /** The network as plug-ins fetch from it themselves: observed, never answered by a plug-in. */
  network: typeof fetch;
  /** Adds a plug-in; plug-ins are asked for answers in the order they were added. */
  plug(plugin: FetchPlugin): void;
  /** Puts the scope's own fetch back and drops every plug-in. */
  remove(): void;
}

export function interceptFetch(scope: { fetch: typeof fetch }): FetchInterceptor {
  const original = scope.fetch;
  let plugins: FetchPlugin[] = [];
  const network: typeof fetch = async (input, init) => {
    const response = await original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    for (const plugin of plugins) plugin.observe?.(url, response);
    return response;
  };
  const intercepted: typeof fetch = (input, init) => {
    if (!(input instanceof Request) && !init?.integrity) {
      const url = String(input);
      for (const plugin of plugins) {
        const answer = plugin.answer?.(url);
        if (answer) return answer;
      }
    }
    return network(input, init);
  };
  scope.fetch = intercepted;
  return {
    network,
    plug(plugin) {
      plugins.push(plugin);
    },
    remove() {
      if (scope.fetch === intercepted) scope.fetch = original;
      plugins = [];
    },
  };
}
