/// <reference lib="webworker" />
/**
 * The Python worker: starts Pyodide (from a memory snapshot when one is cached), installs the
 * session, then serves `RuntimeApi` to the page through Comlink.
 */
import * as Comlink from 'comlink';
import type { loadPyodide as LoadPyodide, PyodideInterface } from 'pyodide';
import { trackDownloads } from './download-progress';
import { sleepUnlessInterrupted } from './interrupt';
import { LazyTools } from './lazy-tools';
import type { InitOptions, RunRequest, RuntimeApi, RuntimeEventSink } from './protocol';
import checksSource from './python/checks.py?raw';
import runnerSource from './python/runner.py?raw';
import toolsSource from './python/wheelhouse_tools.py?raw';
import { PythonSession } from './session';
import { dropSnapshot, PREIMPORTS, readSnapshot, saveSnapshot, snapshotKey } from './snapshot';
import { waitForStdin } from './stdin-channel';

type Load = typeof LoadPyodide;
type Snapshotting = PyodideInterface & { makeMemorySnapshot(): Uint8Array };

/** Step 1: the interpreter, restored from a snapshot if possible, else started afresh. */
async function startInterpreter(load: Load, options: InitOptions) {
  const { indexURL } = options;
  const key = snapshotKey(indexURL);
  if (options.snapshots) {
    const saved = await readSnapshot(key).catch(() => undefined);
    if (saved) {
      try {
        return {
          pyodide: await load({ indexURL, _loadSnapshot: saved }),
          restored: true,
          fresh: undefined,
        };
      } catch {
        await dropSnapshot(key).catch(() => {}); // a snapshot this runtime cannot use
      }
    }
  }
  const pyodide = await load({ indexURL, ...(options.snapshots && { _makeSnapshot: true }) });
  let fresh: Uint8Array | undefined;
  if (options.snapshots) {
    try {
      // Before any of our code runs: a snapshot must hold no references to JavaScript objects.
      pyodide.runPython(PREIMPORTS);
      fresh = (pyodide as Snapshotting).makeMemorySnapshot();
    } catch {
      fresh = undefined;
    }
  }
  return { pyodide, restored: false, fresh };
}

class WorkerRuntime implements RuntimeApi {
  #session: PythonSession | undefined;
  #tools = new LazyTools();

  async init(options: InitOptions, onEvents: RuntimeEventSink) {
    const started = performance.now();
    const stopTracking = trackDownloads(
      self,
      options.indexURL,
      options.expectedSizes ?? {},
      (loaded, total) => onEvents([{ type: 'boot', phase: 'download', loaded, total }]),
    );
    const module = (await import(/* @vite-ignore */ `${options.indexURL}pyodide.mjs`)) as {
      loadPyodide: Load;
    };
    const { pyodide, restored, fresh } = await startInterpreter(module.loadPyodide, options);
    stopTracking();
    onEvents([{ type: 'boot', phase: 'setup' }]);
    const session = await this.#startSession(pyodide, options, onEvents);
    this.#session = session;
    onEvents([{ type: 'boot', phase: 'ready' }]);
    void this.#afterReady(options, fresh, onEvents);
    return {
      pythonVersion: session.pythonVersion,
      pyodideVersion: pyodide.version,
      canReadInput: options.stdinBuffer !== undefined,
      bootMs: performance.now() - started,
      fromSnapshot: restored,
    };
  }

  /** Step 2: our runner, streams, input() and Stop wired into the interpreter. */
  #startSession(pyodide: PyodideInterface, options: InitOptions, onEvents: RuntimeEventSink) {
    const { interruptBuffer, stdinBuffer } = options;
    if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
    const sources = {
      wheelhouse_runner: runnerSource,
      wheelhouse_checks: checksSource,
      wheelhouse_tools: toolsSource,
    };
    return PythonSession.create(pyodide, sources, {
      onEvents,
      jsModules: { _wheelhouse_tools_js: this.#tools.forPython() },
      ...(stdinBuffer && {
        readLine: (announce: () => void) => waitForStdin(stdinBuffer, interruptBuffer, announce),
      }),
      ...(interruptBuffer && {
        sleep: (seconds: number) => sleepUnlessInterrupted(interruptBuffer, seconds),
      }),
    });
  }

  /** Step 3, in the background: keep the snapshot for next time, fetch the labs' tools. */
  async #afterReady(
    options: InitOptions,
    fresh: Uint8Array | undefined,
    onEvents: RuntimeEventSink,
  ) {
    if (fresh) await saveSnapshot(snapshotKey(options.indexURL), fresh).catch(() => {});
    await this.#tools.ready().catch(() => {});
    onEvents([{ type: 'boot', phase: 'idle' }]);
  }

  #ready(): PythonSession {
    if (!this.#session) throw new Error('The Python runtime has not been started (call init).');
    return this.#session;
  }

  async run(request: RunRequest) {
    const session = this.#ready();
    if (LazyTools.needed(request.exercise?.checks)) await this.#tools.ready();
    return session.run(request);
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
