/**
 * One Python interpreter with Wheelhouse's runner installed: runs cells in scopes, streams their
 * output in batches, loads the packages their imports need, and reads input() through a hook.
 * The browser worker and the Node tools (tests, `pack check`) share it.
 */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { OutputBatcher } from './output-batcher';
import { packagesForImports } from './packages';
import type {
  OutputStream,
  PythonError,
  RunRequest,
  RunResult,
  RuntimeEventSink,
  SyntaxProblem,
} from './protocol';

export interface SessionHooks {
  onEvents: RuntimeEventSink;
  /**
   * Blocks until the learner answers input(); null means Stop was pressed. It calls `announce`
   * once it is ready for the answer (so a fast answer cannot arrive before it listens).
   * Absent: input() is unavailable.
   */
  readLine?: (announce: () => void) => string | null;
  /** Replaces time.sleep: sleeps, returning true when Stop cut it short. Absent: Pyodide's own. */
  sleep?: (seconds: number) => boolean;
}

interface RunnerModule extends PyProxy {
  setup(
    readLine: () => string | undefined,
    canReadInput: boolean,
    sleep: ((seconds: number) => boolean) | undefined,
  ): void;
  run(code: string, scope: string, filename: string, known: string[]): Promise<RawRunResult>;
  imports_of(code: string): PyProxy;
  write_files(files: PyProxy): void;
  reset_scope(scope: string): void;
  check_syntax(code: string, filename: string): RawSyntaxProblem | undefined;
}

interface RawRunResult {
  ok: boolean;
  duration_ms: number;
  error?: PythonError;
}

interface RawSyntaxProblem {
  message: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
}

export class PythonSession {
  #pyodide: PyodideInterface;
  #runner: RunnerModule;
  #batcher: OutputBatcher;
  #runId = 0;

  private constructor(pyodide: PyodideInterface, runner: RunnerModule, batcher: OutputBatcher) {
    this.#pyodide = pyodide;
    this.#runner = runner;
    this.#batcher = batcher;
  }

  static async create(
    pyodide: PyodideInterface,
    runnerSource: string,
    hooks: SessionHooks,
  ): Promise<PythonSession> {
    const batcher = new OutputBatcher({ send: hooks.onEvents });
    const module = pyodide.runPython(
      `import types, sys
m = types.ModuleType("wheelhouse_runner")
sys.modules["wheelhouse_runner"] = m
m`,
    ) as PyProxy;
    pyodide.runPython(runnerSource, { globals: module.__dict__, filename: 'wheelhouse_runner.py' });
    const runner = module as RunnerModule;
    const session = new PythonSession(pyodide, runner, batcher);
    session.#connectStreams();
    const readLine = hooks.readLine;
    runner.setup(
      () => {
        const runId = session.#runId;
        // undefined, not null: Pyodide turns JS null into jsnull, and Python checks for None.
        return readLine?.(() => session.announceInput(runId)) ?? undefined;
      },
      readLine !== undefined,
      hooks.sleep,
    );
    return session;
  }

  get pythonVersion(): string {
    return String(this.#pyodide.runPython('import sys; sys.version.split()[0]'));
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
      if (request.files) this.#writeFiles(request.files);
      const known = Object.keys(this.#pyodide.lockfile.packages);
      const raw = await this.#runner.run(request.code, request.scope, request.filename, known);
      return raw.ok
        ? { ok: true, durationMs: raw.duration_ms }
        : {
            ok: false,
            durationMs: raw.duration_ms,
            error: { ...raw.error!, line: raw.error!.line ?? null },
          };
    } catch (error) {
      return {
        ok: false,
        fatal: true,
        durationMs: performance.now() - started,
        error: fatalError(error, request.filename),
      };
    } finally {
      this.#batcher.emit({ type: 'done', runId: request.runId });
    }
  }

  #writeFiles(files: Record<string, string>): void {
    const dict = this.#pyodide.toPy(files) as PyProxy;
    try {
      this.#runner.write_files(dict);
    } finally {
      dict.destroy();
    }
  }

  async #loadPackages(request: RunRequest): Promise<PythonError | null> {
    const importsProxy = this.#runner.imports_of(request.code);
    const imports = importsProxy.toJs() as string[];
    importsProxy.destroy();
    const names = packagesForImports(imports, this.#pyodide.lockfile.packages).filter(
      (name) => !(name in this.#pyodide.loadedPackages),
    );
    if (!names.length) return null;
    const { runId } = request;
    this.#batcher.emit({ type: 'packages', runId, names, state: 'loading' });
    const errors: string[] = [];
    await this.#pyodide.loadPackage(names, {
      messageCallback: () => {},
      errorCallback: (message: string) => errors.push(message),
      checkIntegrity: true,
    });
    const missing = names.filter((name) => !(name in this.#pyodide.loadedPackages));
    if (!missing.length) {
      this.#batcher.emit({ type: 'packages', runId, names, state: 'loaded' });
      return null;
    }
    const message = describeLoadFailure(missing, errors, this.#packageSource(missing[0]!));
    this.#batcher.emit({ type: 'packages', runId, names: missing, state: 'failed', message });
    return {
      type: 'PackageLoadError',
      message,
      traceback: `PackageLoadError: ${message}\n`,
      line: null,
      filename: request.filename,
      interrupted: false,
    };
  }

  /** The folder or site a package's wheel is fetched from, for error messages. */
  #packageSource(name: string): string {
    const file = this.#pyodide.lockfile.packages[name]?.file_name ?? '';
    const url = /^[a-z]+:\/\//.test(file) ? file : this.#pyodide.lockfileBaseUrl + file;
    return url.slice(0, url.lastIndexOf('/') + 1);
  }

  checkSyntax(code: string, filename: string): SyntaxProblem | null {
    const raw = this.#runner.check_syntax(code, filename);
    if (!raw) return null;
    return {
      message: raw.message,
      line: raw.line,
      column: raw.column,
      endLine: raw.end_line,
      endColumn: raw.end_column,
    };
  }

  resetScope(scope: string): void {
    this.#runner.reset_scope(scope);
  }
}

/**
 * "Could not load the package numpy from <source>: fetch failed (while loading numpy)", from
 * Pyodide's error lines, which come as "...while loading numpy:" followed by the reason.
 */
function describeLoadFailure(missing: string[], errors: string[], source: string): string {
  const byReason = new Map<string, string[]>();
  let current = '';
  for (const line of errors.flatMap((error) => error.split('\n'))) {
    const loading = /while loading (\S+):\s*$/.exec(line);
    if (loading) {
      current = loading[1]!;
    } else if (line.trim()) {
      byReason.set(line.trim(), [...(byReason.get(line.trim()) ?? []), current].filter(Boolean));
    }
  }
  const why = [...byReason]
    .map(([reason, names]) =>
      names.length ? `${reason} (while loading ${names.join(', ')})` : reason,
    )
    .join('; ');
  const plural = missing.length > 1 ? 's' : '';
  return (
    `Could not load the package${plural} ${missing.join(', ')} from ${source}: ` +
    (why || 'the package source did not provide it')
  );
}

function fatalError(error: unknown, filename: string): PythonError {
  const message = error instanceof Error ? error.message : String(error);
  return {
    type: 'FatalError',
    message: message.split('\n')[0] ?? 'unknown error',
    traceback: '',
    line: null,
    filename,
    interrupted: false,
  };
}
