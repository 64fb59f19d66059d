/**
 * The partial solution after any step, without keeping one copy per step (a big trace has
 * thousands of steps and hundreds of assignments): a copy every `every` steps, then a short
 * replay from the nearest one. Same rules as `replayPartialSolution`, with random access.
 */
import type { AssignmentView, SolverStep } from '..';

function apply(current: AssignmentView[], step: SolverStep): void {
  if (step.type === 'decision' || step.type === 'derivation') current.push(step.assignment);
  else if (step.type === 'backjump') current.length = step.keep;
}

export class PartialSolutionIndex {
  readonly #steps: readonly SolverStep[];
  readonly #every: number;
  /** `#checkpoints[c]`: the partial solution before step `c * every`. */
  readonly #checkpoints: AssignmentView[][] = [];

  constructor(steps: readonly SolverStep[], every = 128) {
    this.#steps = steps;
    this.#every = every;
    const current: AssignmentView[] = [];
    steps.forEach((step, index) => {
      if (index % every === 0) this.#checkpoints.push([...current]);
      apply(current, step);
    });
  }

  /** The partial solution right after step `index` (before the first step for -1). */
  at(index: number): readonly AssignmentView[] {
    if (index < 0 || this.#steps.length === 0) return [];
    const last = Math.min(index, this.#steps.length - 1);
    const checkpoint = Math.floor(last / this.#every);
    const current = [...(this.#checkpoints[checkpoint] ?? [])];
    for (let i = checkpoint * this.#every; i <= last; i++) {
      const step = this.#steps[i];
      if (step) apply(current, step);
    }
    return current;
  }
}
