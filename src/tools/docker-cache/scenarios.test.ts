/**
 * Replays every shared scenario (fixtures/, a copy of shared/examples) with both builders and
 * compares with its hand-written expectations: statuses, stages built, and instruction alignment.
 */
import { describe, expect, it } from 'vitest';
import scenarios from './fixtures/docker-cache-scenarios.json';
import { validateScenario } from './scenario';
import { simulate } from './simulate';
import type { BuilderName } from './build/types';

const cases: unknown[] = scenarios.cases;

function named(data: unknown): string {
  return typeof data === 'object' && data !== null && 'name' in data ? String(data.name) : '?';
}

function builtStages(expected: Record<string, boolean> | undefined): string[] | undefined {
  return expected && Object.keys(expected).filter((name) => expected[name]);
}

describe.each(['buildkit', 'classic'] satisfies BuilderName[])(
  'shared scenarios with %s',
  (builder) => {
    it.each(cases.map((data) => [named(data), data]))('%s', (_name, data) => {
      const checked = validateScenario(data);
      if (!checked.ok) throw new Error(checked.errors.join('\n'));
      const scenario = checked.scenario;
      const expected = builder === 'buildkit' ? scenario.expect : scenario.expect_legacy;
      const result = simulate(scenario, { builder });
      if (expected === null) {
        expect(result.ok === false && result.needs_buildkit).toBe(true);
        return;
      }
      if (!result.ok) throw new Error(result.errors.join('\n'));
      expect(result.steps.map((s) => s.instruction)).toEqual(scenario.instructions);
      expect(result.steps.map((s) => s.status)).toEqual(expected);
      const stages = builtStages(
        builder === 'buildkit' ? scenario.stages_built : scenario.stages_built_legacy,
      );
      if (stages) expect(result.stages_built).toEqual(stages);
      for (const step of result.steps)
        expect(step.reason.startsWith(`${step.status}: `)).toBe(true);
    });
  },
);
