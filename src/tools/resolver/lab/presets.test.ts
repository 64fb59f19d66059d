import { describe, expect, it } from 'vitest';
import { solve, solveNaive } from '..';
import { pubGrubFigures } from './compare';
import { resolverPresets } from './presets';
import { checkProblemText } from './read-text';

const failing = new Set([
  'linear-failure',
  'branching-failure',
  'sat-unsatisfiable',
  'pydantic-upper-bound',
]);

describe('the lab presets', () => {
  it('are valid text, and resolve or fail as their summaries say', () => {
    for (const preset of resolverPresets) {
      const read = checkProblemText(preset.text);
      expect(read.ok, preset.name).toBe(true);
      if (!read.ok) continue;
      expect(solve(read.problem).ok, preset.name).toBe(!failing.has(preset.name));
    }
  });

  it('include one where the naive search explodes and PubGrub learns its way out', () => {
    const preset = resolverPresets.find((p) => p.name === 'naive-explodes')!;
    const read = checkProblemText(preset.text);
    if (!read.ok) throw new Error('bad preset');
    const pubgrub = pubGrubFigures(solve(read.problem).steps);
    const naive = solveNaive(read.problem, { maxSteps: 200_000 });
    expect(pubgrub.learned).toBeGreaterThan(0);
    expect(naive.ok).toBe(true);
    expect(naive.stepCount).toBeGreaterThan(1000 * pubgrub.versionsTried);
  });
});
