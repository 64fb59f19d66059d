import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveNaive } from './naive';
import { solve } from './solver';
import { anyProblem } from './test-arbitraries';
import { hasSnapshot, replayPartialSolution } from './steps';
import {
  bruteForceSatisfiable,
  incompatibilitiesIn,
  solutionProblem,
  violatingSelection,
} from './test-helpers';

describe('PubGrub against a brute-force solver on small random indexes', () => {
  it('agrees on satisfiability, returns valid solutions, and proves failures soundly', () => {
    fc.assert(
      fc.property(anyProblem, (problem) => {
        const result = solve(problem);
        expect(result.ok).toBe(bruteForceSatisfiable(problem));
        if (result.ok) {
          expect(solutionProblem(problem, result.solution)).toBeNull();
          return;
        }
        // Every fact and every derived incompatibility must hold in every consistent selection.
        for (const inc of incompatibilitiesIn(result.steps).values()) {
          expect(violatingSelection(problem, inc), `${inc.text} (#${inc.id})`).toBeNull();
        }
        const failure = result.steps.at(-1);
        expect(failure?.type).toBe('failure');
        const terminal =
          failure?.type === 'failure'
            ? incompatibilitiesIn(result.steps).get(failure.incompatibility)
            : undefined;
        expect(terminal?.terms.every((t) => t.package === 'root' && t.positive)).toBe(true);
        expect(result.explanation).toMatch(/version solving failed\.$/);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the invariants of pubgrub.md §11 at every step', () => {
    fc.assert(
      fc.property(anyProblem, (problem) => {
        const steps = solve(problem, { snapshots: true }).steps.filter(hasSnapshot);
        const known = new Set<number>();
        const replayed = replayPartialSolution(steps);
        steps.forEach((step, i) => {
          // The stream alone rebuilds the partial solution after every step.
          expect(replayed[i]).toEqual(step.partialSolution);
          const levels = step.partialSolution.map((a) => a.level);
          expect(levels).toEqual([...levels].sort((x, y) => x - y));
          const decided = step.partialSolution.filter((a) => a.decision).map((a) => a.package);
          expect(new Set(decided).size).toBe(decided.length);
          if (step.type === 'backjump') {
            expect(step.toLevel).toBeLessThan(step.fromLevel);
            expect(step.toLevel).toBeGreaterThanOrEqual(1);
          }
          if (step.type === 'decision') {
            // The decided version lies in every earlier assignment of that package.
            for (const a of step.partialSolution.filter((x) => x.package === step.package)) {
              expect(a.term.matching.includes(step.version)).toBe(a.term.positive);
            }
          }
          if (
            step.type === 'incompatibility' ||
            step.type === 'learned' ||
            step.type === 'resolution'
          ) {
            const inc = step.incompatibility;
            for (const cause of inc.causes ?? []) expect(known.has(cause)).toBe(true);
            expect(
              (inc.causes?.length ?? 2) === 2 &&
                (inc.kind === 'derived') === (inc.causes !== undefined),
            ).toBe(true);
            known.add(inc.id);
          } else if (step.type === 'conflict' || step.type === 'failure') {
            expect(known.has(step.incompatibility)).toBe(true);
          }
          if (step.type === 'derivation') expect(known.has(step.cause)).toBe(true);
        });
        expect(steps.length).toBeGreaterThan(0);
        expect(JSON.parse(JSON.stringify(steps))).toEqual(steps);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the naive backtracker against the brute-force solver', () => {
  it('agrees on satisfiability and returns valid solutions', () => {
    fc.assert(
      fc.property(anyProblem, (problem) => {
        const result = solveNaive(problem);
        expect(result.gaveUp).toBe(false);
        expect(result.ok).toBe(bruteForceSatisfiable(problem));
        if (result.ok) expect(solutionProblem(problem, result.solution)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
