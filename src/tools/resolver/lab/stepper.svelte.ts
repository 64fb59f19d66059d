/**
 * Stepping through a PubGrub trace: where we are, the partial solution there, the step in words,
 * and the incompatibility it is about. The steps never change; only the position does.
 */
import type { AssignmentView, IncompatibilityView, SolverStep, SolverStepType } from '..';
import { PartialSolutionIndex } from './partial-solutions';
import { describeStep, focusOf, incompatibilitiesIn, type IncompatibilityLookup } from './trace';

export class TraceStepper {
  readonly steps: readonly SolverStep[];
  readonly lookup: IncompatibilityLookup;
  readonly #partials: PartialSolutionIndex;
  /** Positions of the `learned` steps, in order. */
  readonly #learnedAt: readonly number[];
  #index = $state(0);

  readonly current = $derived.by((): SolverStep | undefined => this.steps[this.#index]);
  readonly partialSolution = $derived.by(() => this.#partials.at(this.#index));
  /** Before this step: a backjump's undone assignments are the difference. */
  readonly previousPartialSolution = $derived.by(() => this.#partials.at(this.#index - 1));
  readonly words = $derived.by(() =>
    this.current ? describeStep(this.current, this.lookup) : null,
  );
  readonly focus = $derived.by((): IncompatibilityView | null => {
    const id = this.current ? focusOf(this.current) : null;
    return id === null ? null : (this.lookup.get(id) ?? null);
  });
  readonly learnedSoFar = $derived.by(() =>
    this.#learnedAt.flatMap((at) => {
      const step = this.steps[at];
      return at <= this.#index && step?.type === 'learned' ? [step.incompatibility] : [];
    }),
  );
  readonly announcement = $derived.by(() =>
    this.words ? `Step ${this.#index + 1} of ${this.count}: ${this.words.title}.` : '',
  );

  constructor(steps: readonly SolverStep[]) {
    this.steps = steps;
    this.lookup = incompatibilitiesIn(steps);
    this.#partials = new PartialSolutionIndex(steps);
    this.#learnedAt = steps.flatMap((step, index) => (step.type === 'learned' ? [index] : []));
  }

  get index(): number {
    return this.#index;
  }

  get count(): number {
    return this.steps.length;
  }

  get atStart(): boolean {
    return this.#index === 0;
  }

  get atEnd(): boolean {
    return this.#index >= this.steps.length - 1;
  }

  /** The assignments a backjump at this step removed (empty for every other step). */
  get undone(): readonly AssignmentView[] {
    return this.current?.type === 'backjump'
      ? this.previousPartialSolution.slice(this.current.keep)
      : [];
  }

  goTo(index: number): void {
    this.#index = Math.max(0, Math.min(this.steps.length - 1, Math.round(index)));
  }

  forward(by = 1): void {
    this.goTo(this.#index + by);
  }

  back(by = 1): void {
    this.goTo(this.#index - by);
  }

  first(): void {
    this.goTo(0);
  }

  last(): void {
    this.goTo(this.steps.length - 1);
  }

  /** The next (or previous) step of one of these types; false when there is none. */
  seek(types: readonly SolverStepType[], direction: 1 | -1): boolean {
    for (let i = this.#index + direction; i >= 0 && i < this.steps.length; i += direction) {
      const step = this.steps[i];
      if (step && types.includes(step.type)) {
        this.#index = i;
        return true;
      }
    }
    return false;
  }

  hasAhead(types: readonly SolverStepType[]): boolean {
    return this.steps.some((step, i) => i > this.#index && types.includes(step.type));
  }
}
