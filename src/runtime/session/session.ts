/**
 * One Python interpreter with Wheelhouse's runner installed: runs cells in scopes, streams their
 * output in batches, loads the packages their imports need, and reads input() through a hook.
 * The browser worker and the Node tools (tests, `pack check`) share it.
 */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { pollableInterruptFlag } from '../shared/interrupt';
import { OutputBatcher } from './output-batcher';
import { loadPackagesFor } from './packages';
import type {
  OutputStream,
  PythonError,
  RunRequest,
  RunResult,
  RuntimeEventSink,
  SyntaxProblem,
} from '../protocol';
import { installModules, placeModules, RUNNER_MODULES, type PythonSources } from './python-modules';
import {
  fatalError,
  packageLoadError,
  pythonException,
  runResult,
  syntaxProblem,
  type Runner,
  type RunnerModule,
} from './runner-api';

export interface SessionHooks {
  onEvents: RuntimeEventSink;
  /**
   * Blocks until the learner answers input(); null means Stop was pressed, false that there is
   * no more input (input() raises EOFError). It calls `announce`
   * once it is ready for the answer (so a fast answer cannot arrive before it listens).
   * Absent: input() is unavailable.
   */
  readLine?: (announce: () => void) => string | null | false;
  /** Replaces time.sleep: sleeps, returning true when Stop cut it short. Absent: Pyodide's own. */
  sleep?: (seconds: number) => boolean;
  /** The tools, for exercise checks (wheelhouse_tools): absent, checks cannot import them. */
  tools?: SessionTools;
  /**
   * The flag Stop sets (cross-origin isolated pages): Python raises KeyboardInterrupt when it
   * sees it. Watched only while a run's code runs, never during our own work between runs.
   */
  interruptBuffer?: Int32Array;
}

export interface SessionTools {
  /** Registered as `_wheelhouse_tools_js`: the tools' functions and `python_modules`. */
  bridge: object;
  /** The tools' Python modules' source, by module name (tools-bridge.ts). */
  modules: Readonly<Record<string, string>>;
}

export class PythonSession {
  #pyodide: PyodideInterface;
  #runner: Runner;
  #batcher: OutputBatcher;
  #runId = 0;
  /** Our modules only exercises import, placed for Python to find (imported by warmUp). */
  #lazyModules: string[];

  /** Rejects when the interpreter dies; runs race it, so none waits forever. */
  #died: Promise<never>;
  #dead = false;
  /** What Pyodide polls: the Stop flag, through pollableInterruptFlag. */
  #interrupt: Int32Array | undefined;

  private constructor(pyodide: PyodideInterface, hooks: SessionHooks, lazyModules: string[]) {
    const batcher = new OutputBatcher({ send: hooks.onEvents });
    this.#pyodide = pyodide;
    this.#batcher = batcher;
    this.#lazyModules = lazyModules;
    let die: (error: unknown) => void = () => {};
    this.#dead = false;
    this.#died = new Promise<never>((_, reject) => (die = reject));
    this.#died.catch(() => {}); // observed through run(); never an unhandled rejection
    // Pyodide calls `_api.on_fatal` (internal, but the one precise signal) when the interpreter
    // can no longer be used: a native stack overflow, an abort, or the wasm program exiting.
    const api = (pyodide as unknown as { _api: { on_fatal?: (error: unknown) => void } })._api;
    api.on_fatal = (error) => {
      this.#dead = true;
      die(error);
      const message = error instanceof Error ? error.message : String(error);
      batcher.emit({ type: 'fatal', message: message.split('\n')[0] || 'unknown error' });
    };
    this.#connectStreams();
    const module = pyodide.pyimport('wheelhouse_runner') as RunnerModule;
    const readLine = hooks.readLine;
    this.#runner = module.start(
      () => {
        const runId = this.#runId;
        // undefined, not null: Pyodide turns JS null into jsnull, and Python checks for None.
        return readLine?.(() => this.announceInput(runId)) ?? undefined;
      },
      readLine !== undefined,
      hooks.sleep,
    );
    module.destroy();
    this.#interrupt = hooks.interruptBuffer && pollableInterruptFlag(hooks.interruptBuffer);
    this.#watchInterrupts(true);
  }

  static async create(
    pyodide: PyodideInterface,
    sources: PythonSources,
    hooks: SessionHooks,
  ): Promise<PythonSession> {
    // Only exercises need these: Python imports them the first time one runs (or warmUp).
    const lazy: Record<string, string> = { wheelhouse_checks: sources.wheelhouse_checks };
    if (hooks.tools) {
      // wheelhouse_tools reaches the tools through a JavaScript module, so it needs one.
      pyodide.registerJsModule('_wheelhouse_tools_js', hooks.tools.bridge);
      lazy.wheelhouse_toolkit = sources.wheelhouse_toolkit;
      lazy.wheelhouse_tools = sources.wheelhouse_tools;
      Object.assign(lazy, hooks.tools.modules);
    }
    placeModules(pyodide, lazy);
    installModules(pyodide, RUNNER_MODULES, sources);
    return new PythonSession(pyodide, hooks, Object.keys(lazy));
  }

  /**
   * Our own Python work between runs (warming up, syntax checks) must not take a Stop meant for
   * a run: a Stop pressed while it works stays set, and the run it was meant for raises it.
   */
  #quietly<T>(work: () => T): T {
    this.#watchInterrupts(false);
    try {
      return work();
    } finally {
      this.#watchInterrupts(true);
    }
  }

  #watchInterrupts(on: boolean): void {
    if (!this.#interrupt || this.#dead) return;
    // Pyodide stops polling when given no buffer; the flag itself keeps its value.
    this.#pyodide.setInterruptBuffer((on ? this.#interrupt : undefined) as Int32Array);
  }

  /**
   * Imports what exercises need (our modules, tracemalloc) ahead of their first run: work for a
   * moment when nothing waits, so neither the first start nor the first exercise pays for it.
   */
  warmUp(): void {
    if (this.#dead) return;
    this.#quietly(() => {
      for (const name of ['tracemalloc', ...this.#lazyModules]) {
        this.#pyodide.pyimport(name).destroy();
      }
    });
  }

  get pythonVersion(): string {
    return this.#quietly(() => {
      const sys = this.#pyodide.pyimport('sys') as PyProxy & { version: string };
      const version = sys.version.split(' ')[0]!;
      sys.destroy();
      return version;
    });
  }

  #connectStreams(): void {
    const streams: OutputStream[] = ['stdout', 'stderr'];
    for (const stream of streams) {
      const decoder = new TextDecoder();
      const write = (bytes: Uint8Array) => {
        this.#batcher.write(this.#runId, stream, decoder.decode(bytes, { stream: true }));
        return bytes.length;
      };
      if (stream === 'stdout') this.#pyodide.setStdout({ write });
      else this.#pyodide.setStderr({ write });
    }
  }

  /** Announces that Python waits for a line; sent after any output it printed first. */
  private announceInput(runId: number): void {
    this.#batcher.emit({ type: 'input', runId });
  }

  async run(request: RunRequest): Promise<RunResult> {
    this.#runId = request.runId;
    const started = performance.now();
    try {
      const failure = await this.#loadPackages(request);
      if (failure) return { ok: false, durationMs: performance.now() - started, error: failure };
      if (request.files) this.#enterProject(request.files, request.scope);
      else this.#runner.leave_project();
      const known = Object.keys(this.#pyodide.lockfile.packages);
      const { code, scope, filename, exercise } = request;
      const call = exercise
        ? this.#runner.run_exercise(
            code,
            exercise.checks,
            scope,
            filename,
            exercise.language,
            known,
          )
        : this.#runner.run(code, scope, filename, known);
      // After a fatal error Python's promise never settles: the interpreter's death ends the run.
      const raw = await Promise.race([call, this.#died]);
      return runResult(raw);
    } catch (error) {
      const durationMs = performance.now() - started;
      // A Python exception from our own set-up calls (Stop pressed before the learner's code
      // started raises KeyboardInterrupt there) ends the run; the interpreter is fine.
      // (After a fatal error every Pyodide API throws, so only look when it is alive.)
      const python = this.#dead ? null : pythonException(this.#pyodide, error);
      if (python) {
        return { ok: false, durationMs, error: { ...python, filename: request.filename } };
      }
      return { ok: false, fatal: true, durationMs, error: fatalError(error, request.filename) };
    } finally {
      this.#batcher.emit({ type: 'done', runId: request.runId });
    }
  }

  #enterProject(files: Record<string, string>, scope: string): void {
    const dict = this.#pyodide.toPy(files) as PyProxy;
    try {
      this.#runner.enter_project(dict, scope);
    } finally {
      dict.destroy();
    }
  }

  async #loadPackages(request: RunRequest): Promise<PythonError | null> {
    const importsProxy = this.#runner.imports_of(request.code);
    const imports = importsProxy.toJs() as string[];
    importsProxy.destroy();
    const { runId } = request;
    const message = await loadPackagesFor(this.#pyodide, imports, (names, state, detail) =>
      this.#batcher.emit({
        type: 'packages',
        runId,
        names,
        state,
        ...(detail && { message: detail }),
      }),
    );
    return message ? packageLoadError(message, request.filename) : null;
  }

  checkSyntax(code: string, filename: string): SyntaxProblem | null {
    const raw = this.#quietly(() => this.#runner.check_syntax(code, filename));
    return raw ? syntaxProblem(raw) : null;
  }

  resetScope(scope: string): void {
    this.#quietly(() => this.#runner.reset_scope(scope));
  }
}
