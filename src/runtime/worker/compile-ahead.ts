/**
 * Compiles Pyodide's wasm while it downloads. Pyodide's loader only asks for the compile once
 * its 1 MB script has arrived and run, so on a cold start the wasm's bytes wait for it; here
 * they are compiled as they stream in, and the compiled module is handed to the loader's own
 * `WebAssembly.instantiateStreaming` call for that file. The loader takes no compiled module,
 * so its fetch of the file (answered through fetch-interceptor.ts) and that call are the one
 * place to hand it over.
 *
 * On a warm start the module is compiled by another worker (warm-start-helper.ts) and arrives
 * as `compiledElsewhere`; this worker then downloads nothing unless that fails.
 *
 * When the early compile fails (a host that serves .wasm without the `application/wasm` type,
 * which streaming refuses), the loader gets an instance made from the bytes instead: slower,
 * but a start rather than a hang.
 */
import type { FetchInterceptor } from './fetch-interceptor';

export type Wasm = Pick<
  typeof WebAssembly,
  'compileStreaming' | 'instantiate' | 'instantiateStreaming'
>;

/**
 * Compiles the wasm at `url` now (or takes `compiledElsewhere`) and hands it to the loader.
 * Returns what puts `wasm.instantiateStreaming` back, if the loader never asked.
 */
export function compileAhead(
  fetches: FetchInterceptor,
  wasm: Wasm,
  url: string,
  compiledElsewhere?: Promise<WebAssembly.Module>,
): () => void {
  const originalInstantiate = wasm.instantiateStreaming;
  const compileHere = () => wasm.compileStreaming(fetches.network(url));
  const compiled = compiledElsewhere ? compiledElsewhere.catch(compileHere) : compileHere();
  compiled.catch(() => {}); // the loader's instantiate reports what matters
  // What the loader's fetch of the file gets: nothing but the instantiate call below reads
  // it, and that call recognises it by identity.
  const handOver = Promise.resolve(new Response(null));
  let handed = false;

  const stop = () => {
    handed = true;
    if (wasm.instantiateStreaming === patchedInstantiate) {
      wasm.instantiateStreaming = originalInstantiate;
    }
  };

  fetches.plug({
    answer(asked) {
      if (handed || asked !== url) return undefined;
      handed = true;
      return handOver;
    },
  });

  const patchedInstantiate = (async (
    source: Response | PromiseLike<Response>,
    imports?: WebAssembly.Imports,
  ) => {
    if (source !== handOver) return originalInstantiate(source, imports);
    stop();
    let module: WebAssembly.Module;
    try {
      module = await compiled;
    } catch {
      const bytes = await (await fetches.network(url)).arrayBuffer();
      return wasm.instantiate(bytes, imports);
    }
    return { module, instance: await wasm.instantiate(module, imports) };
  }) as typeof WebAssembly.instantiateStreaming;

  wasm.instantiateStreaming = patchedInstantiate;
  return stop;
}
