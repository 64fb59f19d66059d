/**
 * One runnable cell: its code, its output, and its run. Runs go through the page's shared
 * runtime, so cells on a page share variables (their `scope`).
 */
import type { RunOutcome, RuntimeClient } from '../../runtime';
import type { PythonError, SyntaxProblem } from '../../runtime/protocol';
import { OutputLog } from './output-log.svelte';

export interface CellOptions {
  /** The code the cell opens with (a learner's saved code, or the original). */
  code: string;
  /** What Reset goes back to; defaults to `code`. */
  original?: string;
  /** `python` runs; other languages (a Dockerfile, TOML) are only edited and checked. */
  language?: string;
  scope: string;
  /** Name used in tracebacks, e.g. `<cell 2>`. */
  filename: string;
  /** Files written before running (multi-file projects). */
  files?: () => Record<string, string>;
}

const SYNTAX_CHECK_DELAY_MS = 400;

export class CellController {
  code = $state('');
  readonly original: string;
  running = $state(false);
  /** The run has left the queue (Python may still be starting before that). */
  started = $state(false);
  waitingForInput = $state(false);
  /** The failing line of the last run, while the code is unchanged since that run. */
  errorLine = $state<number | null>(null);
  lastError = $state.raw<PythonError | null>(null);
  /** Python's verdict on the current code's syntax, checked without running it. */
  syntaxProblem = $state.raw<SyntaxProblem | null>(null);
  log = new OutputLog();
  #runtime: RuntimeClient;
  #options: CellOptions;
  #runId: number | undefined;
  #ranCode: string | undefined;
  #syntaxTimer: ReturnType<typeof setTimeout> | undefined;
  #syntaxRequest = 0;

  constructor(runtime: RuntimeClient, options: CellOptions) {
    this.#runtime = runtime;
    this.#options = options;
    this.original = options.original ?? options.code;
    this.code = options.code;
  }

  get filename(): string {
    return this.#options.filename;
  }

  get language(): string {
    return this.#options.language ?? 'python';
  }

  get runnable(): boolean {
    return this.language === 'python';
  }

  /**
   * Runs the current code (as an exercise when `exercise` is given: in a fresh scope, then its
   * checks, whose results come back in the outcome); resolves with how it ended.
   */
  async run(exercise?: { checks: string }): Promise<RunOutcome | undefined> {
    if (this.running) return undefined;
    this.log.clear();
    this.errorLine = null;
    this.lastError = null;
    this.running = true;
    this.started = false;
    this.#ranCode = this.code;
    const files = this.#options.files?.();
    const { runId, done } = this.#runtime.run(
      {
        code: this.code,
        scope: this.#options.scope,
        filename: this.#options.filename,
        ...(files && { files }),
        ...(exercise && { exercise: { checks: exercise.checks, language: this.language } }),
      },
      {
        onStart: () => (this.started = true),
        onOutput: (stream, text, dropped) => this.log.append(stream, text, dropped),
        onPackages: (names, state, message) => this.#notePackages(names, state, message),
        onInput: () => (this.waitingForInput = true),
      },
    );
    this.#runId = runId;
    const outcome = await done;
    this.#finish(outcome);
    return outcome;
  }

  stop(): void {
    if (this.#runId !== undefined && this.running) this.#runtime.stop(this.#runId);
  }

  reset(): void {
    this.code = this.original;
  }

  answer(line: string): void {
    if (!this.waitingForInput) return;
    this.waitingForInput = false;
    this.log.append('stdin', `${line}\n`);
    this.#runtime.answerInput(line);
  }

  /**
   * Called when the code changes: a marked line no longer means anything, and Python checks
   * the syntax again after a pause in typing (the latest check wins).
   */
  codeChanged(): void {
    if (this.code !== this.#ranCode) this.errorLine = null;
    if (this.language !== 'python') return;
    const request = ++this.#syntaxRequest;
    clearTimeout(this.#syntaxTimer);
    this.#syntaxTimer = setTimeout(() => void this.#checkSyntax(request), SYNTAX_CHECK_DELAY_MS);
  }

  async #checkSyntax(request: number): Promise<void> {
    let problem: SyntaxProblem | null;
    try {
      problem = await this.#runtime.checkSyntax(this.code, this.#options.filename);
    } catch {
      return; // Python is restarting or failed to start: the status line says so
    }
    if (request === this.#syntaxRequest) this.syntaxProblem = problem;
  }

  #notePackages(names: string[], state: string, message?: string): void {
    const list = names.join(', ');
    if (state === 'loading') this.log.append('note', `Loading ${list}…\n`);
    else if (state === 'loaded') this.log.append('note', `Loaded ${list}.\n`);
    else this.log.append('stderr', `${message ?? `Could not load ${list}`}\n`);
  }

  #finish({ result, reset, cancelled }: RunOutcome): void {
    this.running = false;
    this.started = false;
    this.waitingForInput = false;
    this.#runId = undefined;
    if (cancelled) {
      this.log.append('note', 'Stopped before it started.\n');
    } else if (reset === 'stop') {
      this.log.append(
        'note',
        'Stopped. Python had to be restarted to stop it, so variables from earlier runs are gone.\n',
      );
    } else if (reset === 'crash') {
      const why = result.ok ? '' : ` (${result.error.message})`;
      this.log.append(
        'note',
        `Python crashed${why} and was restarted; variables from earlier runs are gone.\n`,
      );
    } else if (!result.ok && result.error.interrupted) {
      this.log.append('note', 'Stopped (KeyboardInterrupt). Your variables are kept.\n');
    } else if (!result.ok) {
      this.lastError = result.error;
      this.log.append(
        'stderr',
        result.error.traceback || `${result.error.type}: ${result.error.message}\n`,
      );
      if (result.error.filename === this.#options.filename) this.errorLine = result.error.line;
    }
    this.log.flush();
  }
}
