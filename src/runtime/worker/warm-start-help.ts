/**
 * Starting a warm start's helper (warm-start-helper.ts) and taking its help: the page starts
 * one beside the Python worker it prestarts (page/prestart.ts), and a Python worker started
 * later (a restart) starts its own.
 */
import type { Help, HelpRequest } from '../protocol';

export function startHelper(): Worker {
  return new Worker(new URL('./warm-start-helper.ts', import.meta.url), {
    type: 'module',
    name: 'warm-start-helper',
  });
}

/**
 * What a start gets from its helper. Each part rejects when the helper could not give it:
 * with HelperGone when the helper never ran, so the start does that part itself.
 */
export interface WarmStartHelp {
  wasm: Promise<WebAssembly.Module>;
  snapshot: Promise<Uint8Array>;
  /** The helper is gone without answering. */
  fail(reason: string): void;
}

/** The helper never ran (its script did not load): nothing it would have said is known. */
export class HelperGone extends Error {}

/** The help that arrives on `endpoint`: a port given by the page, or a helper of our own. */
export function helpFrom(endpoint: MessagePort | Worker): WarmStartHelp {
  const wasm = settleable<WebAssembly.Module>();
  const snapshot = settleable<Uint8Array>();
  endpoint.addEventListener('message', (event) => {
    const help = (event as MessageEvent<Help>).data;
    if ('error' in help) (help.part === 'wasm' ? wasm : snapshot).reject(new Error(help.error));
    else if (help.part === 'wasm') wasm.resolve(help.module);
    else snapshot.resolve(help.bytes);
  });
  if (endpoint instanceof MessagePort) endpoint.start();
  const fail = (reason: string) => {
    wasm.reject(new HelperGone(reason));
    snapshot.reject(new HelperGone(reason));
  };
  if (!(endpoint instanceof MessagePort)) {
    endpoint.addEventListener('error', (event) => {
      event.preventDefault();
      fail('the warm-start helper did not start');
    });
  }
  return { wasm: wasm.promise, snapshot: snapshot.promise, fail };
}

function settleable<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {}); // whoever awaits it handles the failure
  return { promise, resolve, reject };
}

/** Help from a helper this worker starts itself; none where workers cannot start workers. */
export function helpNearby(request: HelpRequest): WarmStartHelp | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const helper = startHelper();
  helper.postMessage(request);
  return helpFrom(helper);
}
