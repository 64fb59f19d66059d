/// <reference lib="webworker" />
/**
 * A warm start's helper: a worker beside the Python worker that compiles Pyodide's wasm and
 * reads the saved snapshot while the Python worker's own thread evaluates Pyodide's 1 MB
 * script. In a trace of a warm start (headless Chromium, two cores) that thread was busy for
 * all but a few milliseconds, doing the three one after the other. The page starts the
 * helper with the Python worker (page/prestart.ts), or the Python worker starts one itself
 * (worker-start.ts). It answers through the port it is given, or to whoever started it,
 * moving the bytes rather than copying them, and then ends: the memory zstd used goes with it.
 */
import type { Help, HelpRequest } from '../protocol';
import { loadSnapshotCodec, readSnapshot } from './snapshot-store';

self.addEventListener('message', (event: MessageEvent<HelpRequest>) => void help(event.data), {
  once: true,
});

async function help({ wasmURL, snapshotKey, reply }: HelpRequest): Promise<void> {
  const answer = (help: Help, transfer: Transferable[] = []) => {
    try {
      (reply ?? self).postMessage(help, transfer);
    } catch (error) {
      // A module that cannot be posted (another agent cluster): the Python worker compiles it.
      (reply ?? self).postMessage({ part: help.part, error: describe(error) } satisfies Help);
    }
  };
  loadSnapshotCodec().catch(() => {}); // fetched while the wasm and the snapshot are asked for
  await Promise.all([
    WebAssembly.compileStreaming(fetch(wasmURL)).then(
      (module) => answer({ part: 'wasm', module }),
      (error: unknown) => answer({ part: 'wasm', error: describe(error) }),
    ),
    readSnapshot(snapshotKey).then(
      (bytes) => answer({ part: 'snapshot', bytes }, [bytes.buffer]),
      (error: unknown) => answer({ part: 'snapshot', error: describe(error) }),
    ),
  ]);
  reply?.close();
  self.close();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
