import { describe, expect, it } from 'vitest';
import { compileAhead, type Wasm } from './compile-ahead';
import { interceptFetch } from './fetch-interceptor';

const URL_WASM = 'https://example.test/pyodide/pyodide.asm.wasm';

/** A tiny module: it imports env.f and exports g, which returns what f returns. */
const MODULE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7f, // type: () -> i32
  0x02,
  0x09,
  0x01,
  0x03,
  0x65,
  0x6e,
  0x76,
  0x01,
  0x66,
  0x00,
  0x00, // import env.f
  0x03,
  0x02,
  0x01,
  0x00, // one function of that type
  0x07,
  0x05,
  0x01,
  0x01,
  0x67,
  0x00,
  0x01, // export g
  0x0a,
  0x06,
  0x01,
  0x04,
  0x00,
  0x10,
  0x00,
  0x0b, // g: call f
]);
const IMPORTS = { env: { f: () => 42 } };

interface CompileScope {
  fetch: typeof fetch;
  WebAssembly: Wasm;
}

/** A worker-like scope with the real WebAssembly API and a fetch that records requests. */
function scopeServing(contentType: string) {
  const requests: string[] = [];
  const wasm = {
    compileStreaming: WebAssembly.compileStreaming,
    instantiate: WebAssembly.instantiate,
    instantiateStreaming: WebAssembly.instantiateStreaming,
  };
  const scope: CompileScope = {
    fetch: (async (input: RequestInfo | URL) => {
      requests.push(input instanceof Request ? input.url : String(input));
      return new Response(MODULE, { headers: { 'Content-Type': contentType } });
    }) as typeof fetch,
    WebAssembly: wasm,
  };
  return { scope, requests, originals: { ...wasm, fetch: scope.fetch } };
}

/** compileAhead as the worker starts it, with the scope's fetches intercepted. */
function compileIn(scope: CompileScope, compiledElsewhere?: Promise<WebAssembly.Module>) {
  const fetches = interceptFetch(scope);
  const stop = compileAhead(fetches, scope.WebAssembly, URL_WASM, compiledElsewhere);
  return { fetches, stop };
}

/** What Pyodide's loader does: fetch the file, pass the promise to instantiateStreaming. */
async function loaderInstantiates(scope: CompileScope) {
  const response = scope.fetch(new URL(URL_WASM), {});
  const { instance } = await scope.WebAssembly.instantiateStreaming(response, IMPORTS);
  return (instance.exports.g as () => number)();
}

describe('compileAhead', () => {
  it('downloads once, compiles at once, and hands the module to the loader', async () => {
    const { scope, requests, originals } = scopeServing('application/wasm');
    const { fetches } = compileIn(scope);
    expect(requests).toEqual([URL_WASM]); // before the loader asked
    expect(await loaderInstantiates(scope)).toBe(42);
    expect(requests).toEqual([URL_WASM]);
    // Handed over once: the file's next fetch goes to the network, instantiate is the original.
    await scope.fetch(URL_WASM);
    expect(requests).toEqual([URL_WASM, URL_WASM]);
    expect(scope.WebAssembly.instantiateStreaming).toBe(originals.instantiateStreaming);
    fetches.remove();
    expect(scope.fetch).toBe(originals.fetch);
  });

  it('instantiates from the bytes when streaming refuses the MIME type', async () => {
    const { scope, requests } = scopeServing('application/octet-stream');
    compileIn(scope);
    expect(await loaderInstantiates(scope)).toBe(42);
    expect(requests).toEqual([URL_WASM, URL_WASM]);
  });

  it('leaves other files and other instantiations alone, and restores everything when stopped', async () => {
    const { scope, requests, originals } = scopeServing('application/wasm');
    const { fetches, stop } = compileIn(scope);
    await scope.fetch('https://example.test/pyodide/python_stdlib.zip');
    await scope.fetch(URL_WASM, { integrity: 'sha384-x' });
    const other = await scope.WebAssembly.instantiateStreaming(
      Promise.resolve(new Response(MODULE, { headers: { 'Content-Type': 'application/wasm' } })),
      IMPORTS,
    );
    expect((other.instance.exports.g as () => number)()).toBe(42);
    expect(requests).toEqual([
      URL_WASM,
      'https://example.test/pyodide/python_stdlib.zip',
      URL_WASM,
    ]);
    stop();
    fetches.remove();
    expect(scope.fetch).toBe(originals.fetch);
    expect(scope.WebAssembly.instantiateStreaming).toBe(originals.instantiateStreaming);
  });

  it('takes a module compiled elsewhere, and downloads nothing', async () => {
    const { scope, requests } = scopeServing('application/wasm');
    compileIn(scope, WebAssembly.compile(MODULE));
    expect(await loaderInstantiates(scope)).toBe(42);
    expect(requests).toEqual([]);
  });

  it('compiles here when the module compiled elsewhere does not come', async () => {
    const { scope, requests } = scopeServing('application/wasm');
    compileIn(scope, Promise.reject(new Error('the helper did not start')));
    expect(await loaderInstantiates(scope)).toBe(42);
    expect(requests).toEqual([URL_WASM]);
  });
});
