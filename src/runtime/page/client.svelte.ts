/**
 * The page's side of the Python runtime: starts the worker at once, queues runs, routes each
 * run's streamed events to its handlers, stops runs (interrupt when isolated, otherwise a fresh
 * worker), answers input(), and restarts after a crash. Its state is reactive for the UI.
 */
import * as Comlink from 'comlink';
import { detectCapabilities } from './capabilities';
import type { RunResult, RuntimeApi, RuntimeEvent, RuntimeInfo } from '../protocol';
import { clearInterrupt, createInterruptBuffer, requestInterrupt } from '../shared/interrupt';
import {
  crashedResult,
  createJob,
  deliverRunEvent,
  stoppedResult,
  type Job,
  type ResetReason,
  type RunHandlers,
  type RunInput,
  type RunOutcome,
} from './run-jobs';
import type { SnapshotNote } from './snapshot-hint';
import { keepSnapshot } from './snapshot-maker';
import { answerStdin, cancelStdin, createStdinBuffer } from '../shared/stdin-channel';
import { STOP_GRACE_MS, stopRun } from '../shared/stop';

export type RuntimeStatus = 'loading' | 'ready' | 'running' | 'restarting' | 'error';
export type { ResetReason, RunHandlers, RunInput, RunOutcome };

export interface RuntimeClientOptions {
  /** Starts a Python worker (the site's is in prestart.ts; the embed has its own). */
  createWorker: () => Worker;
  /** The folder of Pyodide's files. */
  indexURL: string;
  /** Sizes of the core downloads, by file name, for the progress shown while they load. */
  expectedSizes?: Record<string, number>;
  /**
   * Where the page remembers the memory snapshot kept for faster later starts; without one,
   * no snapshot is made or used.
   */
  snapshots?: SnapshotNote;
}

export class RuntimeClient {
  status = $state<RuntimeStatus>('loading');
  progress = $state<{ loaded: number; total: number } | null>(null);
  /** A short sentence for the status line: what is loading, or why start-up failed. */
  detail = $state('Starting Python');
  info = $state.raw<RuntimeInfo | null>(null);
  /** Counts interpreter replacements, so pages can tell that their variables are gone. */
  generation = $state(0);
  /** Python is ready and its background work is done too (labs, the next visit's snapshot). */
  idle = $state(false);
  readonly isolated: boolean;

  #worker: Worker | undefined;
  #api: Comlink.Remote<RuntimeApi> | undefined;
  #ready: Promise<void> = Promise.resolve();
  /**
   * Settles once Python itself has loaded (the worker is setting up our session) or start-up
   * failed: a waiting run is sent then, and the worker starts it the moment the session is
   * ready, without a round trip through the page.
   */
  #loaded: Promise<void> = Promise.resolve();
  #loadedNow: () => void = () => {};
  #interrupt: Int32Array | undefined;
  #stdin: SharedArrayBuffer | undefined;
  #queue: Job[] = [];
  #current: Job | undefined;
  #nextRunId = 1;
  #createWorker: () => Worker;
  #indexURL: string;
  #expectedSizes: Record<string, number>;
  #snapshots: SnapshotNote | undefined;
  #settle: () => void = () => {};
  /**
   * Settles the first time Python has started and no run waits (or start-up failed): when the
   * page's own heavy loading (the editor) no longer delays a learner's first output.
   */
  readonly settled = new Promise<void>((resolve) => (this.#settle = resolve));
  /** Between starting a worker and its init's answer. */
  #booting = false;
  /** This worker has been told to do its background work. */
  #backgroundAsked = false;
  /** A snapshot for the next start has been asked for (once per page, however many restarts). */
  #snapshotAsked = false;
  /** Ends the background snapshot worker when the page no longer needs Python. */
  #lifetime = new AbortController();

  constructor(options: RuntimeClientOptions) {
    this.isolated = detectCapabilities().isolated;
    this.#createWorker = options.createWorker;
    this.#indexURL = options.indexURL;
    this.#expectedSizes = options.expectedSizes ?? {};
    this.#snapshots = options.snapshots;
  }

  /** Starts the worker (once); later calls return the same start. */
  start(): Promise<void> {
    if (!this.#worker) this.#begin();
    return this.#ready;
  }

  #begin(): void {
    this.#ready = this.#boot();
    this.#loaded = Promise.race([this.#ready, new Promise<void>((r) => (this.#loadedNow = r))]);
  }

  get busy(): boolean {
    return this.#current !== undefined;
  }

  /** Queues a run; the promise settles when it ends, however it ends. */
  run(input: RunInput, handlers: RunHandlers): { runId: number; done: Promise<RunOutcome> } {
    const { job, done } = createJob({ ...input, runId: this.#nextRunId++ }, handlers);
    this.#queue.push(job);
    this.start();
    void this.#pump();
    return { runId: job.request.runId, done };
  }

  /**
   * Stops a run: a queued one is dropped; a running one is interrupted, and its worker replaced
   * if that does not end it (shared/stop.ts).
   */
  stop(runId: number): void {
    const queued = this.#queue.findIndex((job) => job.request.runId === runId);
    if (queued !== -1) {
      const [job] = this.#queue.splice(queued, 1);
      job!.resolve({ result: stoppedResult(job!.request.filename), cancelled: true });
      return;
    }
    const job = this.#current;
    if (job?.request.runId !== runId) return;
    const flag = this.#interrupt;
    const stdin = this.#stdin;
    const interrupt =
      flag && stdin
        ? () => {
            requestInterrupt(flag);
            cancelStdin(stdin); // an input() waiting for the learner wakes too
          }
        : undefined;
    void stopRun({
      ended: job.ended,
      interrupt,
      graceMs: STOP_GRACE_MS.page,
      replace: () => this.restart('stop'),
    });
  }

  /** Answers the input() the current run is waiting for. */
  answerInput(line: string): void {
    if (this.#stdin) answerStdin(this.#stdin, line);
  }

  async checkSyntax(code: string, filename: string) {
    await this.start();
    return this.#api!.checkSyntax(code, filename);
  }

  async resetScope(scope: string): Promise<void> {
    await this.start();
    await this.#api!.resetScope(scope);
  }

  /** Replaces the interpreter: every variable is gone; the running job ends with `reason`. */
  async restart(reason: ResetReason): Promise<void> {
    this.status = 'restarting';
    this.generation++;
    this.#teardown();
    const current = this.#current;
    this.#current = undefined;
    if (current) {
      const { filename } = current.request;
      const result =
        reason === 'stop' ? stoppedResult(filename) : crashedResult(filename, this.detail);
      current.resolve({ result, reset: reason });
    }
    this.#begin();
    await this.#ready;
    void this.#pump();
  }

  /** Ends the worker for good (a page or embedded cell that no longer needs Python). */
  dispose(): void {
    this.#lifetime.abort();
    this.#teardown();
    for (const job of this.#queue.splice(0)) {
      job.resolve({ result: stoppedResult(job.request.filename), cancelled: true });
    }
  }

  #teardown(): void {
    this.#api?.[Comlink.releaseProxy]();
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#api = undefined;
  }

  async #boot(): Promise<void> {
    if (this.status !== 'restarting') this.status = 'loading';
    this.idle = false;
    this.#booting = true;
    this.#backgroundAsked = false;
    this.detail = 'Starting Python';
    this.progress = null;
    const worker = this.#createWorker();
    this.#worker = worker;
    const api = Comlink.wrap<RuntimeApi>(worker);
    this.#api = api;
    this.#interrupt = this.isolated ? createInterruptBuffer() : undefined;
    this.#stdin = this.isolated ? createStdinBuffer() : undefined;
    let started = false;
    worker.addEventListener('error', (event) => {
      if (this.#worker !== worker) return;
      const why = event.message || 'the Python worker stopped unexpectedly';
      if (!started) {
        // It never started (its script could not load, say): another try would fail the same
        // way, so say why and leave it to Restart.
        this.#teardown();
        this.status = 'error';
        this.#settle();
        this.detail = `Python could not start: ${why}`;
        return;
      }
      this.detail = why;
      void this.restart('crash');
    });
    try {
      this.info = await api.init(
        {
          indexURL: this.#indexURL,
          expectedSizes: this.#expectedSizes,
          snapshots: this.#snapshots !== undefined,
          savedSnapshot: this.#snapshots?.remembered(),
          ...(this.#interrupt && { interruptBuffer: this.#interrupt }),
          ...(this.#stdin && { stdinBuffer: this.#stdin }),
        },
        Comlink.proxy((events: RuntimeEvent[]) => {
          if (this.#worker === worker) this.#dispatch(events);
        }),
      );
      if (this.#worker !== worker) return;
      started = true;
      this.#booting = false;
      this.status = this.#current ? 'running' : 'ready';
      this.detail = `Python ${this.info.pythonVersion} ready`;
      this.progress = null;
      this.#askForBackgroundWork();
    } catch (error) {
      if (this.#worker !== worker) return;
      this.#booting = false;
      this.status = 'error';
      this.#settle();
      this.detail = `Python could not start: ${error instanceof Error ? error.message : error}`;
      throw error;
    }
  }

  #dispatch(events: RuntimeEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'boot':
          // Events come on another port than init's answer and may arrive after it: once
          // Python is ready, a late download or setup event must not claim it is starting.
          if (!this.#booting && event.phase !== 'idle') break;
          if (event.phase === 'download' && event.total) {
            this.progress = { loaded: event.loaded ?? 0, total: event.total };
            this.detail = 'Downloading Python';
          } else if (event.phase === 'setup') {
            this.progress = null;
            this.detail = 'Starting Python';
            this.#loadedNow();
          } else if (event.phase === 'idle') {
            void this.#afterIdle();
          }
          break;
        case 'fatal':
          this.detail = event.message;
          void this.restart('crash');
          return;
        default: {
          const job = this.#current;
          if (!job || job.request.runId !== event.runId) break;
          if (event.type === 'packages' && event.state === 'loading') {
            this.detail = `Loading ${event.names.join(', ')}`;
          }
          deliverRunEvent(job, event);
        }
      }
    }
  }

  /**
   * The worker's background work (saving a snapshot, loading the labs) waits until nothing
   * waits to run, so a Run pressed during start-up is not slowed by it.
   */
  #askForBackgroundWork(): void {
    // 'ready' means started and not running; a queued run may still wait for the pump.
    if (this.#backgroundAsked || this.status !== 'ready' || this.#queue.length || !this.#api)
      return;
    this.#backgroundAsked = true;
    this.#settle();
    void this.#api.backgroundWork().catch(() => {});
  }

  /** After a start without a snapshot, one is made for the next start before the page is idle. */
  async #afterIdle(): Promise<void> {
    const generation = this.generation;
    if (this.info?.snapshot === 'missing' && !this.#snapshotAsked) {
      this.#snapshotAsked = true;
      const key = await keepSnapshot(this.#createWorker, this.#indexURL, this.#lifetime.signal);
      if (key) this.#snapshots?.remember(key);
    }
    if (this.generation === generation) this.idle = true;
  }

  /** Read through a method: TypeScript would narrow a field compared right after setting it. */
  #startFailed(): boolean {
    return this.status === 'error';
  }

  async #pump(): Promise<void> {
    if (this.#current || !this.#queue.length) {
      this.#askForBackgroundWork();
      return;
    }
    try {
      await this.#loaded;
    } catch {
      return; // start-up failed: the status says why; runs stay queued for a restart
    }
    if (this.#current || !this.#queue.length || !this.#api || this.#startFailed()) return;
    const job = this.#queue.shift()!;
    this.#current = job;
    this.status = 'running';
    job.handlers.onStart?.();
    if (this.#interrupt) clearInterrupt(this.#interrupt);
    const api = this.#api;
    let result: RunResult;
    try {
      result = await api.run(job.request);
      await job.drained;
    } catch (error) {
      // The worker went away mid-run; restart() has already settled this job.
      if (this.#current !== job) return;
      result = crashedResult(job.request.filename, String(error));
    }
    if (this.#current !== job) return;
    this.#current = undefined;
    // A run sent while the session was set up may end before init's answer arrives (which then
    // says ready), or fail with a start that failed (whose error the status keeps).
    if (!this.#booting && !this.#startFailed()) {
      this.status = 'ready';
      this.detail = `Python ${this.info?.pythonVersion ?? ''} ready`.replace('  ', ' ');
    }
    if (!result.ok && result.fatal) {
      job.resolve({ result, reset: 'crash' });
      await this.restart('crash');
      return;
    }
    job.resolve({ result });
    void this.#pump();
  }
}
