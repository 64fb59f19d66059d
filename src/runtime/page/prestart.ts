/**
 * Starting Python before the app has loaded. The page's entry (src/main.ts, a few hundred
 * bytes) creates the Python worker and tells it how to start; the worker begins
 * downloading and compiling the runtime at once, while the app's own code is still on its way.
 * The app's RuntimeClient then adopts that worker, and its `init` joins the start in progress.
 *
 * Kept free of Svelte and Comlink so the early script stays tiny.
 */
import { NO_HELP, type HelpRequest, type PrestartMessage } from '../protocol';
import { PYODIDE_PATH, PYODIDE_WASM } from '../shared/pyodide-version';
import { servedNames } from '../shared/served-files';
import { startHelper } from '../worker/warm-start-help';
import { localSnapshotNote, type SnapshotNote } from './snapshot-hint';

/** This site's Python worker. */
export function createPythonWorker(): Worker {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
}

/** Where this site serves Pyodide, and how big its core downloads are (for progress). */
export function siteRuntimeFiles(): { indexURL: string; expectedSizes: Record<string, number> } {
  const sizes = JSON.parse(import.meta.env.VITE_PYODIDE_SIZES || '{}') as Record<string, number>;
  // The core files whose download the status line counts.
  const counted = [PYODIDE_WASM, servedNames().stdlib];
  return {
    indexURL: new URL(`${import.meta.env.BASE_URL}${PYODIDE_PATH}`, location.href).href,
    expectedSizes: Object.fromEntries(
      Object.entries(sizes).filter(([name]) => counted.includes(name)),
    ),
  };
}

/** How the app starts this site's Python workers: the first one is already starting. */
export interface SiteRuntime {
  createWorker(): Worker;
  indexURL: string;
  expectedSizes: Record<string, number>;
  snapshots: SnapshotNote;
}

/**
 * Creates the worker and starts Python in it; the app's RuntimeClient takes that worker first
 * (a restart gets a fresh one). The entry passes the result to the app itself: nothing here is
 * shared with the app's chunks, so the entry stays a few hundred bytes.
 */
export function prestartPython(): SiteRuntime {
  const files = siteRuntimeFiles();
  let first: Worker | undefined = createPythonWorker();
  const savedSnapshot = localSnapshotNote.remembered();
  const message: PrestartMessage = {
    type: 'wheelhouse:prestart',
    ...files,
    snapshots: true,
    savedSnapshot,
  };
  if (savedSnapshot === undefined) {
    first.postMessage(message);
  } else {
    // A warm start: its helper compiles the wasm and reads the snapshot, started now rather
    // than once the Python worker has loaded, and answers that worker directly.
    const python = first;
    const channel = new MessageChannel();
    askForHelp(
      { wasmURL: files.indexURL + PYODIDE_WASM, snapshotKey: savedSnapshot, reply: channel.port1 },
      () => python.postMessage(NO_HELP),
    );
    python.postMessage({ ...message, help: channel.port2 }, [channel.port2]);
  }
  return {
    ...files,
    snapshots: localSnapshotNote,
    createWorker() {
      const worker = first ?? createPythonWorker();
      first = undefined;
      return worker;
    },
  };
}

/** Asks a new helper for what a warm start needs, to be answered on `request.reply`. */
function askForHelp(request: HelpRequest, onFailure: () => void): Worker {
  const helper = startHelper();
  helper.addEventListener('error', (event) => {
    event.preventDefault(); // not the page's error: the start goes on without help
    onFailure();
  });
  helper.postMessage(request, request.reply ? [request.reply] : []);
  return helper;
}
