/// <reference lib="webworker" />
/**
 * The Python worker: starts Pyodide (from a memory snapshot when one is cached), installs the
 * session, then serves `RuntimeApi` to the page through Comlink.
 */
import * as Comlink from 'comlink';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { trackDownloads } from './download-progress';
import { compileAhead } from './compile-ahead';
import { fetchAhead } from './fetch-ahead';
import { sleepUnlessInterrupted } from './interrupt';
import { LazyTools } from './lazy-tools';
import {
  isPrestart,
  type InitOptions,
  type RunRequest,
  type RuntimeApi,
  type RuntimeInfo,
  type RuntimeEvent,
  type RuntimeEventSink,
} from './protocol';
import checksSource from './python/checks.py?raw';
import runnerSource from './python/runner.py?raw';
import toolsSource from './python/wheelhouse_tools.py?raw';
import { PythonSession } from './session';
import {
  dropSnapshot,
  findSnapshot,
  makeSnapshot,
  saveSnapshot,
  snapshotKey,
  snapshotRecipe,
  unpackSnapshot,
} from './snapshot';
import { waitForStdin } from './stdin-channel';

/** What a snapshot holds beyond a bare interpreter: see snapshotRecipe. */
const SNAPSHOT_RECIPE = snapshotRecipe({ wheelhouse_runner: runnerSource });

/** How this interpreter started, as RuntimeInfo reports it. */
type SnapshotUse = RuntimeInfo['snapshot'];

/** Step 1: the interpreter, restored from a snapshot if there is a usable one, else started afresh. */
async function startInterpreter(options: {
  indexURL: string;
  snapshots: boolean;
  saved: SavedSnapshot | undefined;
  /** Python has loaded; what follows is ours (the session). */
  onLoaded: () => void;
}): Promise<{ pyodide: PyodideInterface; snapshot: SnapshotUse }> {
  const { indexURL, saved, onLoaded } = options;
  if (saved) {
    try {
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: saved.bytes });
      onLoaded();
      return { pyodide, snapshot: 'restored' };
    } catch {
      await dropSnapshot(saved.key).catch(() => {}); // damaged, or one this runtime cannot use
    }
  }
  const pyodide = await loadPyodide({ indexURL });
  onLoaded();
  return { pyodide, snapshot: options.snapshots ? 'missing' : 'off' };
}

interface SavedSnapshot {
  key: string;
  bytes: Promise<Uint8Array>;
}

/**
 * The snapshot the page remembers keeping, if it is the one this worker would make and Cache
 * Storage still has it. Without such a note there is nothing to look for (snapshot-hint.ts).
 */
async function savedSnapshot(
  indexURL: string,
  remembered: string,
): Promise<SavedSnapshot | undefined> {
  const key = await snapshotKey(indexURL, SNAPSHOT_RECIPE).catch(() => undefined);
  if (key !== remembered) return undefined;
  const stored = await findSnapshot(key).catch(() => undefined);
  return stored && { key, bytes: unpackSnapshot(stored) };
}

type Started = Awaited<ReturnType<typeof startInterpreter>>;

/** How to start: InitOptions' part that a prestart message carries too. */
interface StartOptions {
  indexURL: string;
  expectedSizes: Record<string, number>;
  snapshots: boolean;
  savedSnapshot: string | undefined;
}

/** An interpreter on its way, with its download progress kept until someone listens. */
interface Start {
  options: StartOptions;
  began: number;
  interpreter: Promise<Started>;
  listen(sink: RuntimeEventSink): void;
}

/** The files Pyodide's loader needs before Python can start, besides its script. */
const LOADER_SCRIPT = 'pyodide.asm.js';
const LOADER_WASM = 'pyodide.asm.wasm';
const LOADER_FETCHES = ['python_stdlib.zip', 'pyodide-lock.json'];

function beginStart(options: StartOptions): Start {
  const { indexURL, expectedSizes, snapshots, savedSnapshot: remembered } = options;
  let sink: RuntimeEventSink | undefined;
  let last: RuntimeEvent | undefined;
  // Everything Pyodide's loader will ask for is requested now, the loader's script first (the
  // wasm is instantiated once it has run), rather than one after another as the loader gets
  // to each, or after the snapshot lookup below. The loader's own import of the script joins
  // this one (a module is fetched and run once); its failure is reported by loadPyodide.
  import(/* @vite-ignore */ indexURL + LOADER_SCRIPT).catch(() => {});
  const stopTracking = trackDownloads(self, indexURL, expectedSizes, (loaded, total) => {
    last = { type: 'boot', phase: 'download', loaded, total };
    sink?.([last]);
  });
  const stopCompiling = compileAhead(self, indexURL + LOADER_WASM);
  const stopFetchingAhead = fetchAhead(
    self,
    LOADER_FETCHES.map((name) => indexURL + name),
  );
  const interpreter = (async () => {
    try {
      // A saved snapshot's bytes are read while the loader starts (it awaits them just
      // before the wasm is instantiated).
      const saved = snapshots && remembered ? await savedSnapshot(indexURL, remembered) : undefined;
      return await startInterpreter({
        indexURL,
        snapshots,
        saved,
        onLoaded: () => {
          last = { type: 'boot', phase: 'setup' };
          sink?.([last]);
        },
      });
    } finally {
      stopFetchingAhead();
      stopCompiling();
      stopTracking();
    }
  })();
  interpreter.catch(() => {}); // reported by init, which awaits it
  return {
    options,
    began: performance.now(),
    interpreter,
    listen(next) {
      sink = next;
      if (last) next([last]);
    },
  };
}

/** Whether a start made for `started` is the one `wanted` asks for. */
function sameStart(started: StartOptions, wanted: StartOptions): boolean {
  return (
    started.indexURL === wanted.indexURL &&
    started.snapshots === wanted.snapshots &&
    started.savedSnapshot === wanted.savedSnapshot
  );
}

// The page's early script may start Python before the app (and its init call) has loaded
// (prestart.ts). That message is ours, not Comlink's: this listener comes first and keeps it.
let prestarted: Start | undefined;
self.addEventListener('message', (event: MessageEvent) => {
  if (!isPrestart(event.data)) return;
  event.stopImmediatePropagation();
  const { indexURL, expectedSizes, snapshots, savedSnapshot } = event.data;
  prestarted ??= beginStart({ indexURL, expectedSizes, snapshots, savedSnapshot });
});

class WorkerRuntime implements RuntimeApi {
  #session: PythonSession | undefined;
  /**
   * Settles when init has the session (or failed): the page may send a run while the session
   * is still being set up, and that run then starts the moment it is ready, before anything
   * else the worker has queued (such as a garbage collection after the long start).
   */
  #started: Promise<PythonSession>;
  #startedNow: (session: PythonSession) => void = () => {};
  #startFailed: (error: unknown) => void = () => {};

  constructor() {
    this.#started = new Promise((resolve, reject) => {
      this.#startedNow = resolve;
      this.#startFailed = reject;
    });
    this.#started.catch(() => {}); // reported by init itself
  }
  #tools = new LazyTools();
  #background: (() => Promise<void>) | undefined;

  async init(options: InitOptions, onEvents: RuntimeEventSink) {
    const wanted: StartOptions = {
      indexURL: options.indexURL,
      expectedSizes: options.expectedSizes ?? {},
      snapshots: options.snapshots ?? false,
      savedSnapshot: options.savedSnapshot,
    };
    const start =
      prestarted && sameStart(prestarted.options, wanted) ? prestarted : beginStart(wanted);
    prestarted = undefined;
    start.listen(onEvents);
    let session: PythonSession;
    let started: Started;
    try {
      started = await start.interpreter;
      session = await this.#startSession(started.pyodide, options, onEvents);
    } catch (error) {
      this.#startFailed(error);
      throw error;
    }
    this.#session = session;
    this.#startedNow(session);
    onEvents([{ type: 'boot', phase: 'ready' }]);
    this.#background = () => this.#afterReady(onEvents);
    return {
      pythonVersion: session.pythonVersion,
      pyodideVersion: started.pyodide.version,
      canReadInput: options.stdinBuffer !== undefined,
      bootMs: performance.now() - start.began,
      snapshot: started.snapshot,
    };
  }

  /** Step 2: our runner, streams, input() and Stop wired into the interpreter. */
  #startSession(pyodide: PyodideInterface, options: InitOptions, onEvents: RuntimeEventSink) {
    const { interruptBuffer, stdinBuffer } = options;
    const sources = {
      wheelhouse_runner: runnerSource,
      wheelhouse_checks: checksSource,
      wheelhouse_tools: toolsSource,
    };
    return PythonSession.create(pyodide, sources, {
      onEvents,
      // Watched from the end of the set-up: a Stop pressed for a run sent meanwhile stops that run.
      ...(interruptBuffer && { interruptBuffer }),
      jsModules: { _wheelhouse_tools_js: this.#tools.forPython() },
      ...(stdinBuffer && {
        readLine: (announce: () => void) => waitForStdin(stdinBuffer, interruptBuffer, announce),
      }),
      ...(interruptBuffer && {
        sleep: (seconds: number) => sleepUnlessInterrupted(interruptBuffer, seconds),
      }),
    });
  }

  async backgroundWork() {
    const work = this.#background;
    this.#background = undefined;
    await work?.();
  }

  /** Step 3, in the background: warm up exercises, fetch the labs' tools. */
  async #afterReady(onEvents: RuntimeEventSink) {
    try {
      this.#session?.warmUp();
    } catch {
      // Only a head start: the first exercise imports whatever is missing.
    }
    await this.#tools.ready().catch(() => {});
    onEvents([{ type: 'boot', phase: 'idle' }]);
  }

  #ready(): PythonSession {
    if (!this.#session) throw new Error('The Python runtime has not been started (call init).');
    return this.#session;
  }

  async run(request: RunRequest) {
    const session = this.#session ?? (await this.#started);
    if (LazyTools.needed(request.exercise?.checks)) await this.#tools.ready();
    return session.run(request);
  }

  async makeSnapshot(indexURL: string) {
    const key = await snapshotKey(indexURL, SNAPSHOT_RECIPE);
    if (!(await findSnapshot(key))) {
      await saveSnapshot(key, await makeSnapshot(indexURL, SNAPSHOT_RECIPE));
    } // else another tab made it meanwhile
    return key;
  }

  async checkSyntax(code: string, filename: string) {
    return this.#ready().checkSyntax(code, filename);
  }

  async resetScope(scope: string) {
    this.#ready().resetScope(scope);
  }
}

// Python reaches the worker's globals through `js`; `js.close()` would end the worker silently,
// leaving the page waiting for a run that can never finish. Nothing of ours calls close().
Object.defineProperty(self, 'close', {
  value: () => {
    throw new Error('Wheelhouse keeps Python running: js.close() would end the interpreter');
  },
});

Comlink.expose(new WorkerRuntime());
