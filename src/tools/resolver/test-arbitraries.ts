/** fast-check generators of small resolver problems, shared by the property tests. */
import fc from 'fast-check';
import type { Problem } from './problem-schema';

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
export const problems: fc.Arbitrary<Problem> = fc
  .integer({ min: 1, max: NAMES.length })
  .chain((count) => {
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
export const tightProblems: fc.Arbitrary<Problem> = fc
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

export const anyProblem = fc.oneof(problems, tightProblems);
