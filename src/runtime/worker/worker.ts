/// <reference lib="webworker" />
/**
 * The Python worker: starts Pyodide (worker-start.ts), installs the session, then serves
 * `RuntimeApi` to the page through Comlink.
 */
import * as Comlink from 'comlink';
import type { PyodideInterface } from 'pyodide';
import { sleepUnlessInterrupted } from '../shared/interrupt';
import { LazyTools } from './lazy-tools';
import {
  isPrestart,
  NO_HELP,
  type InitOptions,
  type RunRequest,
  type RuntimeApi,
  type RuntimeEventSink,
} from '../protocol';
import { siteLocation } from '../shared/served-files';
import { PythonSession } from '../session/session';
import { PYTHON_SOURCES } from './python-sources';
import { makeSnapshot, snapshotKey } from './snapshot';
import { findSnapshot, saveSnapshot } from './snapshot-store';
import { waitForStdin } from '../shared/stdin-channel';
import type { WarmStartHelp } from './warm-start-help';
import {
  beginStart,
  sameStart,
  SNAPSHOT_RECIPE,
  type Start,
  type Started,
  type StartOptions,
} from './worker-start';

// The page's early script may start Python before the app (and its init call) has loaded
// (page/prestart.ts). That message is ours, not Comlink's: this listener comes first and keeps it.
let prestarted: Start | undefined;
/** Its helper's help, kept after init adopts the start: the page may yet say the helper failed. */
let prestartHelp: WarmStartHelp | undefined;
self.addEventListener('message', (event: MessageEvent) => {
  if (event.data === NO_HELP) {
    event.stopImmediatePropagation();
    prestartHelp?.fail('the warm-start helper did not start');
    return;
  }
  if (!isPrestart(event.data)) return;
  event.stopImmediatePropagation();
  const { indexURL, expectedSizes, snapshots, savedSnapshot, help } = event.data;
  prestarted ??= beginStart({ indexURL, expectedSizes, snapshots, savedSnapshot }, help);
  prestartHelp = prestarted.help;
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
    return PythonSession.create(pyodide, PYTHON_SOURCES, {
      onEvents,
      // Watched from the end of the set-up: a Stop pressed for a run sent meanwhile stops that run.
      ...(interruptBuffer && { interruptBuffer }),
      tools: this.#tools.forSession(),
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
    const runtime = siteLocation(indexURL);
    const key = await snapshotKey(runtime, SNAPSHOT_RECIPE);
    if (!(await findSnapshot(key))) {
      await saveSnapshot(key, await makeSnapshot(runtime, SNAPSHOT_RECIPE));
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
