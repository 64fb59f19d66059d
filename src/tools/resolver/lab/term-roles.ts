/**
 * How the partial solution stands toward the incompatibility a step is about, read from the
 * algorithm itself (pubgrub.md §6–8), not recomputed: a derivation's cause had every term true
 * but one, a conflict has every term true, and so on.
 */
import type { IncompatibilityView, SolverStep } from '..';

export interface TermMark {
  readonly tone: 'true' | 'open';
  readonly label: string;
}

export interface FocusReading {
  /** One per term of the incompatibility; null where the step says nothing about the term. */
  readonly marks: readonly (TermMark | null)[];
  readonly summary: string;
}

const TRUE: TermMark = { tone: 'true', label: 'true' };

export function readFocus(step: SolverStep, incompatibility: IncompatibilityView): FocusReading {
  const all = (mark: TermMark | null) => incompatibility.terms.map(() => mark);
  const allBut = (name: string, mark: TermMark) =>
    incompatibility.terms.map((term) => (term.package === name ? mark : TRUE));
  switch (step.type) {
    case 'derivation':
      return {
        marks: allBut(step.package, { tone: 'open', label: 'undecided, so it must be false' }),
        summary: 'Every other term was already true: this one is the only way out.',
      };
    case 'skip-decision':
      return {
        marks: allBut(step.package, { tone: 'open', label: 'would be true' }),
        summary: `Every other term is already true, so picking ${step.package} ${step.version} would break it.`,
      };
    case 'conflict':
      return {
        marks: all(TRUE),
        summary: 'Every term is true: the partial solution breaks this incompatibility.',
      };
    case 'resolution':
      return {
        marks: all(TRUE),
        summary:
          'Like the conflict it comes from, every term is true until PubGrub backjumps; it says more about the cause.',
      };
    case 'learned':
      return {
        marks: all(null),
        summary:
          'After the backjump every term but one is true, so propagation flips that one next.',
      };
    case 'failure':
      return {
        marks: all(TRUE),
        summary: 'It holds whatever is chosen: the root itself is ruled out.',
      };
    default:
      return { marks: all(null), summary: '' };
  }
}
