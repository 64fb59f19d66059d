/// <reference lib="webworker" />
/** The Python worker: loads Pyodide, then serves `RuntimeApi` to the page through Comlink. */
import * as Comlink from 'comlink';
import type { loadPyodide as LoadPyodide, PyodideInterface } from 'pyodide';
import { trackDownloads } from './download-progress';
import type { InitOptions, RuntimeApi, RuntimeEventSink } from './protocol';
import runnerSource from './python/runner.py?raw';
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
    const module = (await import(/* @vite-ignore */ `${options.indexURL}pyodide.mjs`)) as {
      loadPyodide: typeof LoadPyodide;
    };
    const pyodide = await module.loadPyodide({ indexURL: options.indexURL });
    stopTracking();
    reportFatalErrors(pyodide, onEvents);
    onEvents([{ type: 'boot', phase: 'setup' }]);
    const { interruptBuffer, stdinBuffer } = options;
    if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
    const readLine = stdinBuffer
      ? (announce: () => void) => waitForStdin(stdinBuffer, interruptBuffer, announce)
      : undefined;
    const session = await PythonSession.create(pyodide, runnerSource, {
      onEvents,
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

/**
 * Pyodide calls `_api.on_fatal` (internal, but the one precise signal) when the interpreter can
 * no longer be used: a native stack overflow, an abort, or an exit of the WebAssembly program.
 * Its pending calls never settle after that, so the page must hear of it here.
 */
function reportFatalErrors(pyodide: PyodideInterface, onEvents: RuntimeEventSink): void {
  const api = (pyodide as unknown as { _api: { on_fatal?: (error: unknown) => void } })._api;
  api.on_fatal = (error) => {
    const message = error instanceof Error ? error.message : String(error);
    onEvents([{ type: 'fatal', message: message.split('\n')[0] || 'unknown error' }]);
  };
}

Comlink.expose(new WorkerRuntime());
