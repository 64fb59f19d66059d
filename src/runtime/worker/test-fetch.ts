/** For the tests of the worker's fetch plug-ins: a scope whose fetch is a recorded network. */

/** Records each request and answers with its URL and how many times it was asked for. */
export function recordingScope() {
  const requests: string[] = [];
  const scope = {
    fetch: (async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      requests.push(url);
      return new Response(`${url} #${requests.filter((seen) => seen === url).length}`);
    }) as typeof fetch,
  };
  return { scope, requests, original: scope.fetch };
}
