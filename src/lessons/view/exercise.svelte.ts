/**
 * One exercise on a lesson page: the learner's code (kept in their progress as they type),
 * Check with one result per check, progressive hints, and the solution behind a confirmation.
 */
import type { CheckResult, RuntimeClient } from '../../runtime';
import { CellController } from '../../ui/cell';
import type { ExerciseBlock } from '../model';
import type { ProgressStore } from '../progress.svelte';

export class ExerciseController {
  readonly block: ExerciseBlock;
  readonly cell: CellController;
  results = $state.raw<CheckResult[] | null>(null);
  /** Set when the learner's code raised, so the checks could not run. */
  blocked = $state<string | null>(null);
  solutionShown = $state(false);
  #progress: ProgressStore;
  #packId: string;
  #key: string;

  constructor(
    runtime: RuntimeClient,
    progress: ProgressStore,
    block: ExerciseBlock,
    packId: string,
    lessonId: string,
  ) {
    this.block = block;
    this.#progress = progress;
    this.#packId = packId;
    this.#key = `${lessonId}/${block.id}`;
    const saved = progress.of(packId).code[this.#key];
    this.cell = new CellController(runtime, {
      code: saved?.code ?? block.starter,
      original: block.starter,
      language: block.language,
      scope: `exercise:${packId}/${this.#key}`,
      filename: '<exercise>',
    });
  }

  get passed(): boolean {
    return this.#progress.of(this.#packId).exercises[this.#key]?.passed ?? false;
  }

  get hintsShown(): number {
    return Math.min(
      this.#progress.of(this.#packId).exercises[this.#key]?.hints ?? 0,
      this.block.hints.length,
    );
  }

  get hints(): string[] {
    return this.block.hints.slice(0, this.hintsShown);
  }

  /** The starter changed in a pack update since the learner's code was saved. */
  get starterChanged(): boolean {
    const saved = this.#progress.of(this.#packId).code[this.#key];
    return saved !== undefined && saved.base !== this.block.starter;
  }

  saveCode(): void {
    this.#progress.saveCode(this.#packId, this.#key, this.cell.code, this.block.starter);
  }

  async check(): Promise<void> {
    this.results = null;
    this.blocked = null;
    const outcome = await this.cell.run({ checks: this.block.checks });
    if (!outcome) return;
    const { result } = outcome;
    if (!result.ok) {
      this.blocked = result.error.interrupted
        ? 'The check was stopped before it finished.'
        : `Your code raised ${result.error.type}, so the checks could not run. Fix that first (see the Output).`;
      return;
    }
    this.results = result.checks ?? [];
    if (this.results.length && this.results.every((check) => check.passed)) {
      this.#progress.markPassed(this.#packId, this.#key);
    }
  }

  showHint(): void {
    this.#progress.setHints(this.#packId, this.#key, this.hintsShown + 1);
  }

  showSolution(): void {
    this.solutionShown = true;
  }

  useSolution(): void {
    this.cell.code = this.block.solution;
  }
}
