/**
 * An embedded cell: the app's CellController, plus what a page author's cell adds around each
 * run: the page's setup code and the cell's packages first, DOM events for the host page, and
 * an optional exercise Check.
 */
import type { RunOutcome, RuntimeClient } from '../runtime';
import type { CheckResult } from '../runtime/protocol';
import { CellController, OutputLog } from '../ui/cell';
import type { LogKind } from '../ui/cell/log-buffer';
import type { EmitCellEvent, RunEndDetail } from './events';
import { checkDetail, runEndDetail } from './run-report';
import { PAGE_SCOPE, type RuntimePrep } from './runtime-prep';

export interface EmbedCellInit {
  code: string;
  /** The exercise's checks (Python); a cell with checks has a Check button. */
  checks: string | null;
  packages: readonly string[];
  /** 1-based position on the page: names the cell in tracebacks (`<cell 2>`). */
  position: number;
  emit: EmitCellEvent;
}

/** An Output log that also tells the host page what the program printed. */
class ReportingOutputLog extends OutputLog {
  #emit: EmitCellEvent;

  constructor(emit: EmitCellEvent) {
    super();
    this.#emit = emit;
  }

  override append(kind: LogKind, text: string, droppedLines = 0): void {
    super.append(kind, text, droppedLines);
    if (kind === 'stdout' || kind === 'stderr') {
      this.#emit('wheelhouse:output', { stream: kind, text });
    }
  }
}

export class EmbedCellController extends CellController {
  readonly runtime: RuntimeClient;
  readonly checks: string | null;
  /** This cell has been run: its footer shows the runtime's state from then on. */
  used = $state(false);
  checkResults = $state.raw<CheckResult[] | null>(null);
  /** Why the checks could not run (the code raised, or Stop). */
  checkBlocked = $state<string | null>(null);
  #prep: RuntimePrep;
  #packages: readonly string[];
  #emit: EmitCellEvent;

  constructor(prep: RuntimePrep, init: EmbedCellInit) {
    super(prep.runtime, {
      code: init.code,
      // An exercise runs in a namespace of its own: Check starts it afresh every time.
      scope: init.checks === null ? PAGE_SCOPE : `exercise:${init.position}`,
      filename: `<cell ${init.position}>`,
    });
    this.runtime = prep.runtime;
    this.checks = init.checks;
    this.#prep = prep;
    this.#packages = init.packages;
    this.#emit = init.emit;
    this.log = new ReportingOutputLog(init.emit);
  }

  override async run(exercise?: { checks: string }): Promise<RunOutcome | undefined> {
    if (this.running) return undefined;
    this.used = true;
    const mode = exercise ? 'check' : 'run';
    // Queued before the run itself, so the interpreter is ready when the run's turn comes.
    const prepared = this.#prep.ensure(this.#packages);
    this.#emit('wheelhouse:run-start', { mode, code: this.code });
    const outcome = await super.run(exercise);
    if (!outcome) return undefined;
    const failure = await prepared;
    if (failure) this.log.append('stderr', `${failure}\n`);
    this.#emit('wheelhouse:run-end', runEndDetail(mode, outcome));
    return outcome;
  }

  /** Runs (the element's `run()`), resolving with what `wheelhouse:run-end` said. */
  async runAndReport(): Promise<RunEndDetail | undefined> {
    const outcome = await this.run();
    return outcome && runEndDetail('run', outcome);
  }

  /** Runs the code in a fresh namespace, then the checks; a stopped check has no verdict. */
  async check(): Promise<void> {
    if (this.checks === null) return;
    this.checkResults = null;
    this.checkBlocked = null;
    const outcome = await this.run({ checks: this.checks });
    if (!outcome) return;
    const { result, cancelled, reset } = outcome;
    if (cancelled || reset === 'stop' || (!result.ok && result.error.interrupted)) {
      this.checkBlocked = 'The check was stopped before it finished.';
      return;
    }
    if (reset === 'crash') {
      this.checkBlocked = 'Python crashed during the check and was restarted (see the Output).';
      return;
    }
    if (!result.ok) {
      this.checkBlocked = `Your code raised ${result.error.type}, so the checks could not run. Fix that first (see the Output).`;
    } else {
      this.checkResults = result.checks ?? [];
    }
    this.#emit('wheelhouse:check', checkDetail(outcome));
  }
}
