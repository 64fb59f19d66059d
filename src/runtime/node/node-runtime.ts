/**
 * The main-thread side of node-worker.ts: runs code with a time limit, stopping it as the page
 * does (shared/stop.ts: interrupt, and replace the thread if that does not end it) so that a
 * tool checking a pack never hangs.
 */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { clearInterrupt, createInterruptBuffer, requestInterrupt } from '../shared/interrupt';
import type { NodeWorkerApi, RunRequest, RunResult, RuntimeEvent } from '../protocol';
import { settleWithin, STOP_GRACE_MS, stopRun, TIMED_OUT } from '../shared/stop';

export interface NodeRunOptions {
  /** Interrupt the run after this long (KeyboardInterrupt); default 20 s. */
  timeoutMs?: number;
  /** Lines input() reads; after them it gets end-of-file. */
  stdin?: string[];
}

export interface NodeRunOutcome {
  result: RunResult;
  stdout: string;
  stderr: string;
  /** The time limit was reached and the run was interrupted. */
  timedOut: boolean;
  /** The interpreter had to be replaced (it crashed or ignored the interrupt): state is gone. */
  restarted: boolean;
}

interface Thread {
  worker: Worker;
  api: Comlink.Remote<NodeWorkerApi>;
  interrupt: Int32Array;
  onEvent: (event: RuntimeEvent) => void;
}

export class NodeRuntime {
  #thread: Thread;
  #runId = 1;

  private constructor(thread: Thread) {
    this.#thread = thread;
  }

  static async start(): Promise<NodeRuntime> {
    return new NodeRuntime(await startThread());
  }

  async run(
    input: Omit<RunRequest, 'runId'>,
    options: NodeRunOptions = {},
  ): Promise<NodeRunOutcome> {
    const request: RunRequest = { ...input, runId: this.#runId++ };
    const thread = this.#thread;
    let stdout = '';
    let stderr = '';
    let drained = () => {};
    const done = new Promise<void>((resolve) => (drained = resolve));
    thread.onEvent = (event) => {
      if (!('runId' in event) || event.runId !== request.runId) return;
      if (event.type === 'output') {
        if (event.stream === 'stdout') stdout += event.text;
        else stderr += event.text;
      } else if (event.type === 'done') {
        drained();
      }
    };
    clearInterrupt(thread.interrupt);
    const finished = thread.api.run(request, options.stdin ?? []).then(async (result) => {
      await done;
      return result;
    });
    const limit = options.timeoutMs ?? 20_000;
    const outcome = await settleWithin(finished, limit);
    if (outcome !== TIMED_OUT) {
      const restarted = !outcome.ok && outcome.fatal === true;
      if (restarted) await this.#replace();
      return { result: outcome, stdout, stderr, timedOut: false, restarted };
    }
    // The time limit is a Stop pressed for the user.
    const stopped = await stopRun({
      ended: finished,
      interrupt: () => requestInterrupt(thread.interrupt),
      graceMs: STOP_GRACE_MS.node,
      replace: () => this.#replace(),
    });
    if (stopped !== 'replaced') {
      return { result: stopped.ended, stdout, stderr, timedOut: true, restarted: false };
    }
    const result: RunResult = {
      ok: false,
      durationMs: limit + STOP_GRACE_MS.node,
      error: {
        type: 'Timeout',
        message: `still running after ${limit / 1000} s and did not stop when interrupted`,
        traceback: '',
        line: null,
        filename: request.filename,
        interrupted: true,
      },
    };
    return { result, stdout, stderr, timedOut: true, restarted: true };
  }

  async resetScope(scope: string): Promise<void> {
    await this.#thread.api.resetScope(scope);
  }

  async close(): Promise<void> {
    this.#thread.api[Comlink.releaseProxy]();
    await this.#thread.worker.terminate();
  }

  async #replace(): Promise<void> {
    void this.#thread.worker.terminate();
    this.#thread = await startThread();
  }
}

async function startThread(): Promise<Thread> {
  const worker = new Worker(new URL('./node-worker-boot.mjs', import.meta.url));
  const api = Comlink.wrap<NodeWorkerApi>(nodeEndpoint(worker));
  const interrupt = createInterruptBuffer();
  const thread: Thread = { worker, api, interrupt, onEvent: () => {} };
  await api.init(
    interrupt,
    Comlink.proxy((events: RuntimeEvent[]) => events.forEach((event) => thread.onEvent(event))),
  );
  return thread;
}
