import { describe, expect, it } from 'vitest';
import { formatBenchmarkTable, runResolverBenchmark } from './resolver';
import { generateBenchmarkProblems } from '../../src/tools/resolver/bench-problems';
import { solve } from '../../src/tools/resolver/solver';
import { solutionProblem } from '../../src/tools/resolver/test-helpers';

// No timing assertions here (DESIGN.md: benchmarks are scripts); these check what is measured.
describe('the benchmark problems', () => {
  it('are seeded: the same seed gives the same index, another seed another', () => {
    expect(generateBenchmarkProblems({ seed: 7 })).toEqual(generateBenchmarkProblems({ seed: 7 }));
    expect(generateBenchmarkProblems({ seed: 7 }).solvable).not.toEqual(
      generateBenchmarkProblems({ seed: 8 }).solvable,
    );
  });

  it('have at least 300 packages with 30 versions each, with conflicts to work through', () => {
    const { solvable, failing, contested } = generateBenchmarkProblems();
    const index = Object.values(solvable.index);
    expect(index.length).toBeGreaterThanOrEqual(300);
    expect(index.every((versions) => Object.keys(versions).length === 30)).toBe(true);
    const solved = solve(solvable);
    expect(solved.ok && solutionProblem(solvable, solved.solution)).toBeNull();
    expect(solved.steps.filter((s) => s.type === 'conflict').length).toBeGreaterThan(10);
    const failed = solve(failing);
    expect(failed.ok).toBe(false);
    // The failure is the planted one: legacy needs the contested package below 3.0.0.
    expect(!failed.ok && failed.explanation).toContain(`legacy depends on ${contested} <3.0.0`);
  });
});

describe('runResolverBenchmark', () => {
  it('reports both cases and marks a capped naive search as a lower bound', () => {
    const figures = runResolverBenchmark({
      packages: 40,
      versionsPerPackage: 20,
      runs: 1,
      naiveRuns: 1,
      naiveMaxSteps: 200,
    });
    expect(figures.cases.map((c) => [c.name, c.pubgrub.ok])).toEqual([
      ['solvable', true],
      ['failing', false],
    ]);
    const failing = figures.cases[1];
    expect(failing?.naive).toMatchObject({ ok: false, gaveUp: true, steps: 200 });
    expect(failing?.ratio).toBeCloseTo(
      (failing?.naive.medianMs ?? 0) / (failing?.pubgrub.medianMs ?? 1),
    );
    const table = formatBenchmarkTable(figures);
    expect(table).toContain('gave up after 200 steps');
    expect(table).toMatch(/failing\s+no solution in [\d.]+ ms/);
    expect(table).toMatch(/>= [\d.]+x/);
  });
});
