import { describe, expect, it } from 'vitest';
import { replayPartialSolution, solve } from '..';
import { generateBenchmarkProblems } from '../bench-problems';
import examples from '../fixtures/resolver-problems.json';
import pubCases from '../fixtures/pub-cases.json';
import { PartialSolutionIndex } from './partial-solutions';

describe('PartialSolutionIndex', () => {
  it('gives the same partial solution as a full replay, after every step of every fixture', () => {
    for (const { problem } of [...examples.cases, ...pubCases.cases]) {
      const steps = solve(problem).steps;
      const replayed = replayPartialSolution(steps);
      // A tiny checkpoint interval exercises replays that start from a checkpoint.
      const index = new PartialSolutionIndex(steps, 3);
      steps.forEach((_, i) => expect(index.at(i)).toEqual(replayed[i]));
      expect(index.at(-1)).toEqual([]);
    }
  });

  it('reaches any step of a big trace, backjumps included', () => {
    const { failing } = generateBenchmarkProblems({ packages: 80 });
    const steps = solve(failing).steps;
    expect(steps.some((step) => step.type === 'backjump')).toBe(true);
    const replayed = replayPartialSolution(steps);
    const index = new PartialSolutionIndex(steps);
    for (let i = 0; i < steps.length; i += 7) expect(index.at(i)).toEqual(replayed[i]);
    expect(index.at(steps.length + 10)).toEqual(replayed.at(-1));
  });
});
