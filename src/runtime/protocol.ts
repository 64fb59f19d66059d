/**
 * Every message that crosses a Python worker's boundary (types, one message guard and one
 * value): the worker implements `RuntimeApi`, the page calls it through
 * `Comlink.wrap<RuntimeApi>()`, and everything the worker reports while it works arrives as
 * `RuntimeEvent` batches through one proxied callback. Before that, the page's early script
 * sets the worker starting (`PrestartMessage`) beside a warm start's helper (`HelpRequest`,
 * `Help`, `NO_HELP`); under Node, a worker thread serves `NodeWorkerApi`.
 */

export type OutputStream = 'stdout' | 'stderr';

/**
 * Named start-up steps, in order; `download` reports bytes while files download, and `idle`
 * comes once the background work after `ready` (warming up exercises, loading the labs) is done.
 */
export type BootPhase = 'download' | 'start' | 'setup' | 'ready' | 'idle';

export interface InitOptions {
  /** Folder URL (or path, under Node) holding Pyodide's runtime, the wasm, the stdlib and the lock file. */
  indexURL: string;
  /** Byte sizes of the core files, so progress works even without Content-Length. */
  expectedSizes?: Record<string, number>;
  /** An Int32 on a SharedArrayBuffer: the page stores 2 (SIGINT) to stop Python (shared/interrupt.ts). */
  interruptBuffer?: Int32Array;
  /** The SharedArrayBuffer the page answers input() through (shared/stdin-channel.ts). */
  stdinBuffer?: SharedArrayBuffer;
  /** Start from (and keep) a memory snapshot in Cache Storage (worker/snapshot.ts). */
  snapshots?: boolean;
  /** The key of the snapshot the page last kept (page/snapshot-hint.ts): only then is one looked up. */
  savedSnapshot?: string;
}

/**
 * Sent (not through Comlink) by the page's early script before init: start Python now, init
 * will join (page/prestart.ts). The worker answers nothing; init reports the outcome.
 */
export interface PrestartMessage {
  type: 'wheelhouse:prestart';
  indexURL: string;
  expectedSizes: Record<string, number>;
  snapshots: boolean;
  savedSnapshot?: string;
  /** Where the warm-start helper the page started answers with `Help`. */
  help?: MessagePort;
}

/**
 * Sent by the page after a prestart message (not through Comlink) when the helper it started
 * could not run: the Python worker then does all of a warm start itself.
 */
export const NO_HELP = 'wheelhouse:no-help';

/** What a warm start's helper (worker/warm-start-helper.ts) is asked for, once. */
export interface HelpRequest {
  wasmURL: string;
  snapshotKey: string;
  /** Where to answer; without one, the worker that started the helper. */
  reply?: MessagePort;
}

/** One part of the helper's answer, or why it could not give that part. */
export type Help =
  | { part: 'wasm'; module: WebAssembly.Module }
  | { part: 'snapshot'; bytes: Uint8Array }
  | { part: 'wasm' | 'snapshot'; error: string };

export function isPrestart(data: unknown): data is PrestartMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'wheelhouse:prestart'
  );
}

export interface RuntimeInfo {
  pythonVersion: string;
  pyodideVersion: string;
  /** True when input() can wait for the learner and Stop keeps state. */
  canReadInput: boolean;
  bootMs: number;
  /**
   * `restored`: started from a cached memory snapshot. `missing`: snapshots are on but there
   * was none to use, so the page may have one made for the next start (`makeSnapshot`).
   * `off`: not wanted, or this browser cannot keep one.
   */
  snapshot: 'restored' | 'missing' | 'off';
}

export interface RunRequest {
  runId: number;
  code: string;
  /** Runs with the same scope share variables (the cells of one page). */
  scope: string;
  /** Shown in tracebacks and used to mark the failing line, e.g. `<cell 2>` or `main.py`. */
  filename: string;
  /** Files written to the working directory before running (multi-file projects). */
  files?: Record<string, string>;
  /**
   * Run as an exercise: in a fresh scope, then the checks. Code in another language than
   * Python (a Dockerfile, a pyproject.toml) is not run; checks read it as `submission`.
   */
  exercise?: { checks: string; language: string };
}

export interface CheckResult {
  name: string;
  passed: boolean;
  /** Why it failed, for the learner. */
  message: string;
}

export interface PythonError {
  type: string;
  message: string;
  /** The traceback trimmed to the learner's code, as CPython would print it. */
  traceback: string;
  /** The learner's line where it failed, when the error happened in their code. */
  line: number | null;
  filename: string;
  /** True when the run ended because Stop was pressed (KeyboardInterrupt). */
  interrupted: boolean;
}

export type RunResult =
  | { ok: true; durationMs: number; checks?: CheckResult[] }
  | { ok: false; durationMs: number; error: PythonError; fatal?: boolean; checks?: CheckResult[] };

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type PackageState = 'loading' | 'loaded' | 'failed';

export type RuntimeEvent =
  | { type: 'boot'; phase: BootPhase; loaded?: number; total?: number }
  | { type: 'output'; runId: number; stream: OutputStream; text: string; droppedLines?: number }
  | { type: 'packages'; runId: number; names: string[]; state: PackageState; message?: string }
  | { type: 'input'; runId: number }
  /** The run's last event: all its output was sent before it (results travel on another port). */
  | { type: 'done'; runId: number }
  /** The interpreter is dead (e.g. native stack overflow): the page must start a new worker. */
  | { type: 'fatal'; message: string };

export type RuntimeEventSink = (events: RuntimeEvent[]) => void;

export interface RuntimeApi {
  init(options: InitOptions, onEvents: RuntimeEventSink): Promise<RuntimeInfo>;
  run(request: RunRequest): Promise<RunResult>;
  checkSyntax(code: string, filename: string): Promise<SyntaxProblem | null>;
  resetScope(scope: string): Promise<void>;
  /**
   * Starts the work kept off the first run's path (warming up exercises, loading the labs'
   * tools); the page calls it once nothing waits to run. It ends with the `idle` boot event.
   */
  backgroundWork(): Promise<void>;
  /**
   * Called on a worker of its own, which is then ended: starts a fresh interpreter, snapshots
   * it and keeps the snapshot for the next start (unless one is kept already). Returns its key.
   */
  makeSnapshot(indexURL: string): Promise<string>;
}

/**
 * A Python session in a Node worker thread (node/node-worker.ts), for the tools that must
 * survive hostile code: the main thread (node/node-runtime.ts) can interrupt a run through
 * `interrupt`, or end the thread.
 */
export interface NodeWorkerApi {
  /** Starts the session; answers with Python's version. */
  init(interrupt: Int32Array, onEvents: RuntimeEventSink): Promise<string>;
  /** Runs a request; input() reads from `stdin` and then gets end-of-file. */
  run(request: RunRequest, stdin: string[]): Promise<RunResult>;
  resetScope(scope: string): void;
}
