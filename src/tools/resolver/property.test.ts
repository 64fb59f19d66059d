import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveNaive } from './naive';
import type { Problem } from './problem-schema';
import { solve } from './solver';
import { replayPartialSolution, type SnapshotStep } from './steps';
import {
  bruteForceSatisfiable,
  incompatibilitiesIn,
  solutionProblem,
  violatingSelection,
} from './test-helpers';

const NAMES = ['a', 'b', 'c', 'd', 'e'];
const VERSIONS = ['1.0', '1.1', '2.0', '2.1rc1', '3.0'];
const SPECS = [
  ...['', '', '', ''],
  ...['>=1.1', '<2.0', '<2.0', '!=1.1', '~=1.0', '==1.*', '>1.0,<3.0'],
  ...['>=2.0', '==1.0', '>=2.1rc1', '==3.0'],
];

/**
 * Small random indexes: up to 5 packages with up to 4 versions each, and dependencies on
 * anything: now and then the root itself or a package the index lacks; cycles and self-dependencies
 * included.
 */
const problems: fc.Arbitrary<Problem> = fc.integer({ min: 1, max: NAMES.length }).chain((count) => {
  const names = NAMES.slice(0, count);
  const target = fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 12 },
    { arbitrary: fc.constantFrom('root', 'ghost'), weight: 1 },
  );
  const requirement = fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 12 },
    { arbitrary: fc.constant('ghost'), weight: 1 },
  );
  const deps = fc.dictionary(target, fc.constantFrom(...SPECS), { maxKeys: 2 });
  const versions = fc
    .uniqueArray(fc.constantFrom(...VERSIONS), { minLength: 1, maxLength: 4 })
    .chain((vs) => fc.tuple(...vs.map((v) => deps.map((d) => [v, d] as const))));
  return fc.record({
    root: fc.constant({ name: 'root', version: '1.0' }),
    requires: fc.dictionary(requirement, fc.constantFrom(...SPECS), { minKeys: 1, maxKeys: 3 }),
    index: fc
      .tuple(...names.map((n) => versions.map((vs) => [n, Object.fromEntries(vs)] as const)))
      .map((entries) => Object.fromEntries(entries)),
  });
});

/**
 * Indexes where every specifier names versions that exist, so that most problems are solvable
 * only after backtracking: more conflicts, learned incompatibilities and backjumps.
 */
const tightProblems: fc.Arbitrary<Problem> = fc
  .integer({ min: 2, max: NAMES.length })
  .chain((count) => {
    const names = NAMES.slice(0, count);
    const lists = fc.tuple(
      ...names.map(() =>
        fc.uniqueArray(fc.constantFrom(...VERSIONS), { minLength: 1, maxLength: 4 }),
      ),
    );
    return lists.chain((versionLists) => {
      const specFor = (target: string) => {
        const own = versionLists[names.indexOf(target)] ?? ['1.0'];
        return fc.oneof(
          fc.constant(''),
          fc
            .tuple(fc.constantFrom('>=', '<', '==', '!=', '<=', '>'), fc.constantFrom(...own))
            .map(([op, v]) => `${op}${v}`),
        );
      };
      const depsOf = (self: string) =>
        fc
          .uniqueArray(fc.constantFrom(...names.filter((n) => n !== self)), { maxLength: 2 })
          .chain((targets) =>
            fc.tuple(...targets.map((t) => specFor(t).map((spec) => [t, spec] as const))),
          )
          .map((entries) => Object.fromEntries(entries));
      const index = fc
        .tuple(
          ...names.map((name, i) =>
            fc
              .tuple(
                ...(versionLists[i] ?? []).map((v) => depsOf(name).map((d) => [v, d] as const)),
              )
              .map((entries) => [name, Object.fromEntries(entries)] as const),
          ),
        )
        .map((entries) => Object.fromEntries(entries));
      const requires = fc
        .uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 2 })
        .chain((targets) =>
          fc.tuple(...targets.map((t) => specFor(t).map((spec) => [t, spec] as const))),
        )
        .map((entries) => Object.fromEntries(entries));
      return fc.record({ root: fc.constant({ name: 'root', version: '1.0' }), requires, index });
    });
  });

const anyProblem = fc.oneof(problems, tightProblems);

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
        const steps = solve(problem, { snapshots: true }).steps.filter(
          (s): s is SnapshotStep => 'partialSolution' in s,
        );
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
