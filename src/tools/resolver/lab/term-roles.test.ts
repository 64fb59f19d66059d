import { describe, expect, it } from 'vitest';
import { solve, type SolverStep } from '..';
import { findPreset } from './presets';
import { readProblemText } from './read-text';
import { readFocus } from './term-roles';
import { focusOf, incompatibilitiesIn } from './trace';

function stepsOf(name: string): SolverStep[] {
  const read = readProblemText(findPreset(name)?.text ?? '');
  if (!read.ok) throw new Error(name);
  return solve(read.problem).steps;
}

describe('reading the incompatibility a step is about', () => {
  const steps = stepsOf('conflict-resolution');
  const lookup = incompatibilitiesIn(steps);
  const reading = (type: SolverStep['type']) => {
    const step = steps.find((s) => s.type === type)!;
    return { step, reading: readFocus(step, lookup.get(focusOf(step) ?? -1)!) };
  };

  it('marks the one undecided term of a derivation`s cause, and the rest true', () => {
    const derivations = steps.filter((s) => s.type === 'derivation').slice(1);
    for (const step of derivations) {
      if (step.type !== 'derivation') continue;
      const cause = lookup.get(step.cause)!;
      const { marks } = readFocus(step, cause);
      const open = cause.terms.filter((_, i) => marks[i]?.tone === 'open');
      expect(open.map((t) => t.package)).toEqual([step.package]);
      expect(marks.filter((m) => m?.tone === 'true')).toHaveLength(cause.terms.length - 1);
    }
  });

  it('marks every term of a conflict true, and says nothing term by term about a fact', () => {
    expect(reading('conflict').reading.marks.every((m) => m?.tone === 'true')).toBe(true);
    const fact = reading('incompatibility').reading;
    expect(fact.marks.every((m) => m === null)).toBe(true);
    expect(fact.summary).toBe('');
  });

  it('names the version a skipped decision would have picked', () => {
    const { step, reading: skip } = reading('skip-decision');
    expect(step.type === 'skip-decision' && step.version).toBe('1.0.0');
    expect(skip.summary).toContain('bar 1.0.0');
    expect(skip.marks.map((m) => m?.tone)).toEqual(['open', 'true']);
  });
});
