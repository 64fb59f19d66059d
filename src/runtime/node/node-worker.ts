/**
 * A Python session in a Node worker thread, for tools that must survive hostile code
 * (`pack check`): the main thread can interrupt a run that takes too long, or end the thread.
 */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { sleepUnlessInterrupted } from '../shared/interrupt';
import { startNodeSession } from './node-session';
import type { NodeWorkerApi, RunRequest, RuntimeEventSink } from '../protocol';
import type { PythonSession } from '../session/session';

class NodeWorker implements NodeWorkerApi {
  #session: PythonSession | undefined;
  #stdin: string[] = [];

  async init(interrupt: Int32Array, onEvents: RuntimeEventSink): Promise<string> {
    this.#session = await startNodeSession({
      onEvents,
      interruptBuffer: interrupt,
      readLine: (announce) => {
        announce();
        return this.#stdin.length ? this.#stdin.shift()! : false;
      },
      sleep: (seconds) => sleepUnlessInterrupted(interrupt, seconds),
    });
    return this.#session.pythonVersion;
  }

  run(request: RunRequest, stdin: string[]) {
    this.#stdin = [...stdin];
    return this.#session!.run(request);
  }

  resetScope(scope: string): void {
    this.#session!.resetScope(scope);
  }
}

Comlink.expose(new NodeWorker(), nodeEndpoint(parentPort!));
