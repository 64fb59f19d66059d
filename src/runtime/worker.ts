/// <reference lib="webworker" />
/** The Python worker: loads Pyodide, then serves `RuntimeApi` to the page through Comlink. */
import * as Comlink from 'comlink';
import type { loadPyodide as LoadPyodide } from 'pyodide';
import { trackDownloads } from './download-progress';
import type { InitOptions, RuntimeApi, RuntimeEventSink } from './protocol';
import checksSource from './python/checks.py?raw';
import runnerSource from './python/runner.py?raw';
import toolsSource from './python/wheelhouse_tools.py?raw';
import { sleepUnlessInterrupted } from './interrupt';
import { PythonSession } from './session';
import { waitForStdin } from './stdin-channel';

class WorkerRuntime implements RuntimeApi {
  #session: Promise<PythonSession> | undefined;

  async init(options: InitOptions, onEvents: RuntimeEventSink) {
    const started = performance.now();
    const stopTracking = trackDownloads(
      self,
      options.indexURL,
      options.expectedSizes ?? {},
      (loaded, total) => onEvents([{ type: 'boot', phase: 'download', loaded, total }]),
    );
    // The labs' tools load while Pyodide downloads, so they add nothing to the start-up time.
    const tools = import('./tools-bridge');
    const module = (await import(/* @vite-ignore */ `${options.indexURL}pyodide.mjs`)) as {
      loadPyodide: typeof LoadPyodide;
    };
    const pyodide = await module.loadPyodide({ indexURL: options.indexURL });
    const { toolsForPython } = await tools;
    stopTracking();
    onEvents([{ type: 'boot', phase: 'setup' }]);
    const { interruptBuffer, stdinBuffer } = options;
    if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
    const readLine = stdinBuffer
      ? (announce: () => void) => waitForStdin(stdinBuffer, interruptBuffer, announce)
      : undefined;
    const sources = {
      wheelhouse_runner: runnerSource,
      wheelhouse_checks: checksSource,
      wheelhouse_tools: toolsSource,
    };
    const session = await PythonSession.create(pyodide, sources, {
      onEvents,
      jsModules: { _wheelhouse_tools_js: toolsForPython },
      ...(readLine && { readLine }),
      ...(interruptBuffer && {
        sleep: (seconds: number) => sleepUnlessInterrupted(interruptBuffer, seconds),
      }),
    });
    this.#session = Promise.resolve(session);
    onEvents([{ type: 'boot', phase: 'ready' }]);
    return {
      pythonVersion: session.pythonVersion,
      pyodideVersion: pyodide.version,
      canReadInput: readLine !== undefined,
      bootMs: performance.now() - started,
    };
  }

  async #ready(): Promise<PythonSession> {
    if (!this.#session) throw new Error('The Python runtime has not been started (call init).');
    return this.#session;
  }

  async run(request: Parameters<RuntimeApi['run']>[0]) {
    return (await this.#ready()).run(request);
  }

  async checkSyntax(code: string, filename: string) {
    return (await this.#ready()).checkSyntax(code, filename);
  }

  async resetScope(scope: string) {
    (await this.#ready()).resetScope(scope);
  }
}

Comlink.expose(new WorkerRuntime());
