import { describe, expect, it } from 'vitest';
import { generateBenchmarkProblems } from './bench-problems';
import examples from './fixtures/resolver-problems.json';
import pubCases from './fixtures/pub-cases.json';
import { solveNaive } from './naive';
import { parseProblem } from './problem-schema';
import { solve } from './solver';
import { solutionProblem } from './test-helpers';

describe('the naive backtracker', () => {
  it('answers every fixture like PubGrub does (a valid solution, or none)', () => {
    for (const c of [...examples.cases, ...pubCases.cases]) {
      const problem = parseProblem(c.problem);
      const naive = solveNaive(problem);
      expect(naive.gaveUp, c.name).toBe(false);
      expect(naive.ok, c.name).toBe(solve(problem).ok);
      if (naive.ok) expect(solutionProblem(problem, naive.solution), c.name).toBeNull();
    }
  });

  it('tries versions newest first, depth first, and backtracks chronologically', () => {
    const problem = {
      root: { name: 'app', version: '1' },
      requires: { a: '', b: '' },
      index: { a: { '1': {}, '2': { c: '==2' } }, b: { '1': {} }, c: { '1': {} } },
    };
    const trace = solveNaive(problem).steps.map((s) =>
      s.type === 'try' ? `try ${s.package} ${s.version}` : s.type,
    );
    // a 2 needs c ==2, which does not exist: the search abandons c, then b (no other version),
    // then moves a to 1 and tries b again from scratch.
    expect(trace).toEqual([
      'try a 2',
      'try b 1',
      'no-candidates',
      'backtrack',
      'backtrack',
      'try a 1',
      'try b 1',
      'solution',
    ]);
  });

  it('gives up at its step cap and says so', () => {
    const { failing } = generateBenchmarkProblems({ packages: 60, versionsPerPackage: 20 });
    const result = solveNaive(failing, { maxSteps: 500, maxTrace: 50 });
    expect(result.ok).toBe(false);
    expect(result.gaveUp).toBe(true);
    expect(result.stepCount).toBe(500);
    expect(!result.ok && result.explanation).toBe(
      'Gave up after 500 steps (the cap) without finding a solution or proving there is none.',
    );
    expect(result.steps).toHaveLength(52);
    expect(result.steps[50]).toEqual({ type: 'trace-truncated', afterSteps: expect.any(Number) });
    expect(result.steps.at(-1)).toEqual({ type: 'gave-up', stepCount: 500 });
  });

  it('goes around cycles and checks dependencies back onto the root', () => {
    const problem = {
      root: { name: 'app', version: '1.0' },
      requires: { a: '' },
      index: { a: { '1.0': { b: '' } }, b: { '1.0': { a: '', app: '>=2' }, '0.9': { a: '' } } },
    };
    const result = solveNaive(problem);
    expect(result.ok && result.solution).toEqual({ a: '1.0', b: '0.9' });
  });
});
