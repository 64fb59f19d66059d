/**
 * The runner (python/wheelhouse_runner.py) as JavaScript sees it: the session's Runner and its
 * methods, the plain values they answer with, and how those answers, and the errors that reach
 * JavaScript instead, become the protocol's results.
 */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import type { CheckResult, PythonError, RunResult, SyntaxProblem } from '../protocol';

/** The module wheelhouse_runner: `start` wires stdio to the page and gives the Runner. */
export interface RunnerModule extends PyProxy {
  start(
    readLine: () => string | false | undefined,
    canReadInput: boolean,
    sleep: ((seconds: number) => boolean) | undefined,
  ): Runner;
  /** A runner alone, with the interpreter's stdio left as it is (the build's). */
  Runner(): Runner;
}

/** One interpreter's runner: its scopes' namespaces, its project folder, its learner files. */
export interface Runner extends PyProxy {
  /** A result at once, or a promise of one for code that may use top-level await. */
  run(
    code: string,
    scope: string,
    filename: string,
    known: string[],
  ): RawRunResult | Promise<RawRunResult>;
  run_exercise(
    code: string,
    checks: string,
    scope: string,
    filename: string,
    language: string,
    known: string[],
  ): Promise<RawRunResult>;
  imports_of(code: string): PyProxy;
  enter_project(files: PyProxy, scope: string): void;
  leave_project(): void;
  reset_scope(scope: string): void;
  check_syntax(code: string, filename: string): RawSyntaxProblem | undefined;
}

export interface RawRunResult {
  ok: boolean;
  duration_ms: number;
  error?: PythonError;
  checks?: CheckResult[];
}

export interface RawSyntaxProblem {
  message: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
}

export function runResult(raw: RawRunResult): RunResult {
  const checks = raw.checks && { checks: raw.checks };
  return raw.ok
    ? { ok: true, durationMs: raw.duration_ms, ...checks }
    : {
        ...checks,
        ok: false,
        durationMs: raw.duration_ms,
        error: { ...raw.error!, line: raw.error!.line ?? null },
      };
}

export function syntaxProblem(raw: RawSyntaxProblem): SyntaxProblem {
  return {
    message: raw.message,
    line: raw.line,
    column: raw.column,
    endLine: raw.end_line,
    endColumn: raw.end_column,
  };
}

/** A run whose imports' packages could not be loaded: it fails before any of its code runs. */
export function packageLoadError(message: string, filename: string): PythonError {
  return {
    type: 'PackageLoadError',
    message,
    traceback: `PackageLoadError: ${message}\n`,
    line: null,
    filename,
    interrupted: false,
  };
}

/** The type and message of a Python exception that reached JavaScript (a PythonError). */
export function pythonException(
  pyodide: PyodideInterface,
  error: unknown,
): Omit<PythonError, 'filename'> | null {
  if (!(error instanceof pyodide.ffi.PythonError)) return null;
  const { type } = error;
  const lines = error.message.trimEnd().split('\n');
  return {
    type,
    message: lines.at(-1)?.replace(/^\w+(\.\w+)*: ?/, '') ?? '',
    traceback: type === 'KeyboardInterrupt' ? '' : `${lines.at(-1)}\n`,
    line: null,
    interrupted: type === 'KeyboardInterrupt',
  };
}

export function fatalError(error: unknown, filename: string): PythonError {
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
