import { describe, expect, it } from 'vitest';
import examples from './fixtures/resolver-problems.json';
import pubCases from './fixtures/pub-cases.json';
import { solve } from './solver';
import type { IncompatibilityView, SolverStep } from './steps';

function failureOf(steps: readonly SolverStep[]) {
  const last = steps.at(-1);
  if (last?.type !== 'failure') throw new Error('expected a failure');
  return last;
}

function incompatibilities(steps: readonly SolverStep[]): Map<number, IncompatibilityView> {
  const byId = new Map<number, IncompatibilityView>();
  for (const step of steps) {
    if ('incompatibility' in step && typeof step.incompatibility === 'object') {
      byId.set(step.incompatibility.id, step.incompatibility);
    }
  }
  return byId;
}

const failing = [...examples.cases, ...pubCases.cases]
  .map((c) => ({ name: c.name, result: solve(c.problem) }))
  .filter((c) => !c.result.ok);

describe('the explanation line by line', () => {
  it('joins to the explanation, and numbers the lines that carry a (n) gutter', () => {
    expect(failing.length).toBeGreaterThan(5);
    for (const { result } of failing) {
      const failure = failureOf(result.steps);
      expect(failure.lines.map((line) => line.text).join('\n')).toBe(failure.explanation);
      for (const line of failure.lines) {
        const gutter = /^\((\d+)\)/.exec(line.text)?.[1];
        expect(line.number).toBe(gutter === undefined ? null : Number(gutter));
      }
      expect(failure.lines.at(-1)?.incompatibility).toBe(failure.incompatibility);
    }
  });

  it('states or cites every incompatibility of the proof, and only those', () => {
    for (const { name, result } of failing) {
      const failure = failureOf(result.steps);
      const byId = incompatibilities(result.steps);
      const proof = new Set<number>();
      const stack = [failure.incompatibility];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        if (proof.has(id)) continue;
        proof.add(id);
        stack.push(...(byId.get(id)?.causes ?? []));
      }
      const named = new Set(
        failure.lines.flatMap((line) => [
          ...(line.incompatibility === null ? [] : [line.incompatibility]),
          ...line.cites,
        ]),
      );
      expect([...named].sort(), name).toEqual([...proof].sort());
      // A line concludes from what it cites: its causes are among them.
      for (const line of failure.lines) {
        const causes = line.incompatibility === null ? [] : byId.get(line.incompatibility)?.causes;
        for (const cause of causes ?? []) expect(line.cites).toContain(cause);
      }
    }
  });

  it('links a back-reference "(1)" to the numbered line it refers to', () => {
    const branching = failing.find((c) => c.name === 'doc: branching error reporting');
    const failure = failureOf(branching?.result.steps ?? []);
    const numbered = failure.lines.find((line) => line.number === 1);
    expect(numbered?.text).toBe(
      '(1) So, because foo <1.1.0 depends on b >=1.0.0,<2.0.0, foo <1.1.0 is forbidden.',
    );
    const referring = failure.lines.find((line) => line.text.includes('forbidden (1)'));
    expect(referring?.cites).toContain(numbered?.incompatibility);
    expect(failure.lines.filter((line) => line.text === '')).toEqual([
      { text: '', number: null, incompatibility: null, cites: [] },
    ]);
  });

  it('states an external terminal fact on its one line', () => {
    const missing = failing.find((c) => c.name === 'uv/packse: requires-package-does-not-exist');
    const failure = failureOf(missing?.result.steps ?? []);
    expect(failure.lines).toHaveLength(1);
    expect(failure.lines[0]?.incompatibility).toBe(failure.incompatibility);
  });
});
