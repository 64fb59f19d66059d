/// <reference lib="webworker" />
/**
 * Starting Pyodide in the Python worker, as named steps: every file the loader needs is
 * requested at once (the wasm compiling as it downloads), then the interpreter is restored
 * from the snapshot the page remembers keeping, or started afresh. A warm start has a helper
 * beside this worker that compiles the wasm and unpacks the snapshot (warm-start-helper.ts).
 */
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { compileAhead } from './compile-ahead';
import { trackDownloads } from './download-progress';
import { fetchAhead } from './fetch-ahead';
import { interceptFetch } from './fetch-interceptor';
import type { RuntimeEvent, RuntimeEventSink, RuntimeInfo } from '../protocol';
import { PYODIDE_WASM } from '../shared/pyodide-version';
import { siteLocation, type RuntimeLocation } from '../shared/served-files';
import { restoreSnapshot, snapshotKey, snapshotRecipe } from './snapshot';
import { dropSnapshot, readSnapshot } from './snapshot-store';
import { PYTHON_SOURCES } from './python-sources';
import { helpFrom, HelperGone, helpNearby, type WarmStartHelp } from './warm-start-help';

/** What a snapshot holds beyond a bare interpreter: see snapshotRecipe. */
export const SNAPSHOT_RECIPE = snapshotRecipe(PYTHON_SOURCES);

/** How this interpreter started, as RuntimeInfo reports it. */
type SnapshotUse = RuntimeInfo['snapshot'];

/** Step 1: the interpreter, restored from a snapshot if there is a usable one, else started afresh. */
async function startInterpreter(options: {
  runtime: RuntimeLocation;
  snapshots: boolean;
  saved: SavedSnapshot | undefined;
  /** Python has loaded; what follows is ours (the session). */
  onLoaded: () => void;
}): Promise<{ pyodide: PyodideInterface; snapshot: SnapshotUse }> {
  const { runtime, saved, onLoaded } = options;
  if (saved) {
    try {
      const pyodide = await restoreSnapshot(runtime, saved.bytes);
      onLoaded();
      return { pyodide, snapshot: 'restored' };
    } catch {
      await dropSnapshot(saved.key).catch(() => {}); // damaged, or one this runtime cannot use
    }
  }
  const pyodide = await loadPyodide(runtime);
  onLoaded();
  return { pyodide, snapshot: options.snapshots ? 'missing' : 'off' };
}

interface SavedSnapshot {
  key: string;
  bytes: Promise<Uint8Array>;
}

/**
 * The snapshot the page remembers keeping, if it is the one this worker would make. Without
 * such a note there is nothing to look for (snapshot-hint.ts). Its bytes reject when Cache
 * Storage no longer has it, or it is damaged.
 */
async function savedSnapshot(
  runtime: RuntimeLocation,
  remembered: string,
  help: WarmStartHelp | undefined,
): Promise<SavedSnapshot | undefined> {
  const key = await snapshotKey(runtime, SNAPSHOT_RECIPE).catch(() => undefined);
  if (key !== remembered) return undefined;
  if (!help) return { key, bytes: readSnapshot(key) };
  const bytes = help.snapshot.catch((error: unknown) => {
    if (error instanceof HelperGone) return readSnapshot(key);
    throw error;
  });
  return { key, bytes };
}

export type Started = Awaited<ReturnType<typeof startInterpreter>>;

/** How to start: InitOptions' part that a prestart message carries too. */
export interface StartOptions {
  indexURL: string;
  expectedSizes: Record<string, number>;
  snapshots: boolean;
  savedSnapshot: string | undefined;
}

/** An interpreter on its way, with its download progress kept until someone listens. */
export interface Start {
  options: StartOptions;
  began: number;
  interpreter: Promise<Started>;
  /** What a warm start's helper gives it, when it has one. */
  help: WarmStartHelp | undefined;
  listen(sink: RuntimeEventSink): void;
}

/** Pyodide's loader script, in its folder. */
const LOADER_SCRIPT = 'pyodide.asm.js';

/**
 * Starts Python. With a snapshot to start from, a helper compiles the wasm and reads the
 * snapshot (warm-start-helper.ts): the page's, answering on `helpPort`, or one started here.
 */
export function beginStart(options: StartOptions, helpPort?: MessagePort): Start {
  const { indexURL, expectedSizes, snapshots, savedSnapshot: remembered } = options;
  let sink: RuntimeEventSink | undefined;
  let last: RuntimeEvent | undefined;
  // Everything Pyodide's loader will ask for is requested now, the loader's script first (the
  // wasm is instantiated once it has run), rather than one after another as the loader gets
  // to each, or after the snapshot lookup below. The loader's own import of the script joins
  // this one (a module is fetched and run once); its failure is reported by loadPyodide.
  import(/* @vite-ignore */ indexURL + LOADER_SCRIPT).catch(() => {});
  // The snapshot to start from, if any.
  const warmFrom = snapshots ? remembered : undefined;
  const wasmURL = indexURL + PYODIDE_WASM;
  const help =
    warmFrom === undefined
      ? undefined
      : helpPort
        ? helpFrom(helpPort)
        : helpNearby({ wasmURL, snapshotKey: warmFrom });
  // The helper downloads the wasm; what this worker downloads is what progress counts.
  const downloads = help
    ? Object.fromEntries(Object.entries(expectedSizes).filter(([name]) => name !== PYODIDE_WASM))
    : expectedSizes;
  // The loader's fetches, until Python has started: counted, the wasm handed over compiled,
  // and the other files it needs before Python can start requested now.
  const fetches = interceptFetch(self);
  trackDownloads(fetches, indexURL, downloads, (loaded, total) => {
    last = { type: 'boot', phase: 'download', loaded, total };
    sink?.([last]);
  });
  const stopCompiling = compileAhead(fetches, self.WebAssembly, wasmURL, help?.wasm);
  const runtime = siteLocation(indexURL);
  fetchAhead(fetches, [runtime.stdLibURL, runtime.lockFileURL]);
  const interpreter = (async () => {
    try {
      // A saved snapshot's bytes are read while the loader starts (it awaits them just
      // before the wasm is instantiated).
      const saved =
        warmFrom === undefined ? undefined : await savedSnapshot(runtime, warmFrom, help);
      return await startInterpreter({
        runtime,
        snapshots,
        saved,
        onLoaded: () => {
          last = { type: 'boot', phase: 'setup' };
          sink?.([last]);
        },
      });
    } finally {
      stopCompiling();
      fetches.remove();
    }
  })();
  interpreter.catch(() => {}); // reported by init, which awaits it
  return {
    options,
    began: performance.now(),
    interpreter,
    help,
    listen(next) {
      sink = next;
      if (last) next([last]);
    },
  };
}

/** Whether a start made for `started` is the one `wanted` asks for. */
export function sameStart(started: StartOptions, wanted: StartOptions): boolean {
  return (
    started.indexURL === wanted.indexURL &&
    started.snapshots === wanted.snapshots &&
    started.savedSnapshot === wanted.savedSnapshot
  );
}
