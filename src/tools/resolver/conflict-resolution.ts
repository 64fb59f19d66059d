/**
 * Conflict resolution (pubgrub.md §7, pub's `_resolveConflict`): from an incompatibility the
 * partial solution satisfies, derive prior causes until one has a single term satisfied at the
 * latest decision level, which says where to backjump; or until the root itself is ruled out.
 */
import { Incompatibility, normaliseDerivedTerms } from './incompatibility';
import type { Assignment, PartialSolution } from './partial-solution';
import { differenceTerms, inverse, type Term } from './term';

export type RootCause =
  /** Backjump to `toLevel`, where `incompatibility` is almost satisfied and propagates. */
  | {
      readonly kind: 'backjump';
      readonly incompatibility: Incompatibility;
      readonly toLevel: number;
      /** False when resolution stopped at the incompatibility it started from (already known). */
      readonly learned: boolean;
    }
  /** `{}` or `{root}`: version solving failed. */
  | { readonly kind: 'failure'; readonly incompatibility: Incompatibility };

export interface ResolutionHooks {
  newId(): number;
  /** One prior-cause step: `satisfier` (partially or wholly) satisfied `term` of the conflict. */
  resolved(prior: Incompatibility, satisfier: Assignment, term: Term, partial: boolean): void;
}

export function findRootCause(
  conflict: Incompatibility,
  solution: PartialSolution,
  rootName: string,
  hooks: ResolutionHooks,
): RootCause {
  let inc = conflict;
  let learned = false;
  while (!inc.isFailure(rootName)) {
    let recentTerm: Term | null = null;
    let recent: Assignment | null = null;
    let diff: Term | null = null;
    // Level 1 is the root decision; stopping there keeps the root at the end of proofs.
    let previousLevel = 1;
    for (const t of inc.terms) {
      const satisfier = solution.satisfier(t);
      if (!recent) {
        recentTerm = t;
        recent = satisfier;
      } else if (recent.index < satisfier.index) {
        previousLevel = Math.max(previousLevel, recent.level);
        recentTerm = t;
        recent = satisfier;
        diff = null;
      } else {
        previousLevel = Math.max(previousLevel, satisfier.level);
      }
      if (recentTerm === t) {
        // A partial satisfier only satisfies the term together with earlier assignments; the
        // one that, with it, narrows the package into the term may sit at a lower level.
        diff = differenceTerms(recent.term, t);
        if (diff) previousLevel = Math.max(previousLevel, solution.satisfier(inverse(diff)).level);
      }
    }
    if (!recent || !recentTerm) throw new Error('[bug] conflict with no terms');
    if (previousLevel < recent.level || recent.cause === null) {
      return { kind: 'backjump', incompatibility: inc, toLevel: previousLevel, learned };
    }
    // The satisfier is a derivation sharing its level with another relevant assignment: step
    // back through its cause ("prior cause").
    const cause = recent.cause;
    const terms: Term[] = inc.terms.filter((t) => t !== recentTerm);
    for (const t of cause.terms) if (t.name !== recent.term.name) terms.push(t);
    if (diff) terms.push(inverse(diff));
    const prior = new Incompatibility(hooks.newId(), normaliseDerivedTerms(terms, rootName), {
      kind: 'derived',
      conflict: inc,
      other: cause,
    });
    hooks.resolved(prior, recent, recentTerm, diff !== null);
    inc = prior;
    learned = true;
  }
  return { kind: 'failure', incompatibility: inc };
}
