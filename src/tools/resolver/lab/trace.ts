/** Reading a PubGrub step stream: the incompatibilities it introduces, and each step in words. */
import type { IncompatibilityView, SolverStep } from '..';

export type IncompatibilityLookup = ReadonlyMap<number, IncompatibilityView>;

/** Every incompatibility the steps introduce, by id (facts, resolution steps, learned ones). */
export function incompatibilitiesIn(
  steps: readonly SolverStep[],
): Map<number, IncompatibilityView> {
  const byId = new Map<number, IncompatibilityView>();
  for (const step of steps) {
    if (step.type === 'incompatibility' || step.type === 'resolution' || step.type === 'learned') {
      byId.set(step.incompatibility.id, step.incompatibility);
    }
  }
  return byId;
}

/** The incompatibility a step is about: the one propagated, in conflict, derived or learned. */
export function focusOf(step: SolverStep): number | null {
  switch (step.type) {
    case 'incompatibility':
    case 'resolution':
    case 'learned':
      return step.incompatibility.id;
    case 'derivation':
      return step.cause;
    case 'conflict':
    case 'failure':
      return step.incompatibility;
    case 'skip-decision':
      return step.conflicting[0] ?? null;
    default:
      return null;
  }
}

export interface StepWords {
  /** A short badge: Fact, Derive, Decide... */
  readonly label: string;
  /** One line, also what screen readers hear. */
  readonly title: string;
  /** Why it happened, in a sentence or two. */
  readonly detail: string;
}

const FACTS: Record<string, string> = {
  root: 'The root package must be selected, at its own version.',
  dependency:
    'A dependency, read from the index when PubGrub first picks a version of the package: these terms cannot all be true at once.',
  'no-versions': 'No listed version falls in this range, so the range is ruled out.',
  'not-found': 'The index has no package by this name.',
  unusable: 'These versions cannot be used.',
};

export function describeStep(step: SolverStep, lookup: IncompatibilityLookup): StepWords {
  const ref = (id: number) => `#${id} “${lookup.get(id)?.text ?? '?'}”`;
  switch (step.type) {
    case 'incompatibility': {
      const { id, kind, text } = step.incompatibility;
      return { label: 'Fact', title: `Add fact #${id}: ${text}`, detail: FACTS[kind] ?? '' };
    }
    case 'derivation':
      return {
        label: 'Derive',
        title: `Derive ${step.term.text} at level ${step.level}`,
        detail: `Every other term of ${ref(step.cause)} is already true, so this one must be false (unit propagation).`,
      };
    case 'decision':
      return {
        label: 'Decide',
        title: `Decide ${step.package} ${step.version} at level ${step.level}`,
        detail:
          step.level <= 1
            ? 'The root is always the first decision.'
            : `A guess: the newest allowed version of the undecided package with the fewest choices. It opens decision level ${step.level}.`,
      };
    case 'skip-decision':
      return {
        label: 'Skip',
        title: `Do not decide ${step.package} ${step.version}`,
        detail: `Its dependency ${step.conflicting.map(ref).join(' and ')} already conflicts with the partial solution, so it is not picked; propagation rules it out next.`,
      };
    case 'conflict':
      return {
        label: 'Conflict',
        title: `Conflict: every term of #${step.incompatibility} is true`,
        detail: `${ref(step.incompatibility)} is satisfied by the partial solution. Conflict resolution looks for the root cause.`,
      };
    case 'resolution': {
      const { id, text, causes } = step.incompatibility;
      const { satisfier } = step;
      const how = satisfier.decision ? 'a decision' : 'a derivation';
      const partly = step.partial ? ', only together with earlier assignments' : '';
      const from = causes
        ? ` Resolving #${causes[0]} with #${causes[1]} (its cause) gives #${id}.`
        : '';
      return {
        label: 'Resolve',
        title: `Resolve into #${id}: ${text}`,
        detail: `The satisfier is ${satisfier.term.text} (level ${satisfier.level}, ${how}${partly}).${from}`,
      };
    }
    case 'learned':
      return {
        label: 'Learn',
        title: `Learn #${step.incompatibility.id}: ${step.incompatibility.text}`,
        detail: 'Kept for the rest of the search, so PubGrub never makes this mistake again.',
      };
    case 'backjump':
      return {
        label: 'Backjump',
        title: `Backjump from level ${step.fromLevel} to level ${step.toLevel}`,
        detail: `Undo every assignment above level ${step.toLevel}; ${step.keep} stay. Unrelated decisions in between are dropped at once, not retried one by one.`,
      };
    case 'solution': {
      const count = Object.keys(step.solution).length;
      return {
        label: 'Solved',
        title: `Solution: ${count} package${count === 1 ? '' : 's'}`,
        detail: 'Every package with a positive assignment has a decision, and nothing conflicts.',
      };
    }
    case 'failure':
      return {
        label: 'Failed',
        title: 'No solution',
        detail: `${ref(step.incompatibility)}: the root itself cannot be selected. The explanation walks through the proof.`,
      };
  }
}
