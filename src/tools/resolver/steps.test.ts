import { describe, expect, it } from 'vitest';
import examples from './fixtures/resolver-problems.json';
import pubCases from './fixtures/pub-cases.json';
import { solve } from './solver';
import { hasSnapshot, replayPartialSolution, type SolverStep, type TermView } from './steps';

function compact(step: SolverStep): string {
  switch (step.type) {
    case 'incompatibility':
      return `+ ${step.incompatibility.text}`;
    case 'derivation':
      return `derive ${step.assignment.term.text} @${step.assignment.level}`;
    case 'decision':
      return `decide ${step.package} ${step.version} @${step.level}`;
    case 'skip-decision':
      return `skip ${step.package} ${step.version}`;
    case 'conflict':
      return `conflict ${step.text}`;
    case 'resolution':
      return `resolve -> ${step.incompatibility.text}`;
    case 'learned':
      return `learn ${step.incompatibility.text}`;
    case 'backjump':
      return `backjump ${step.fromLevel} -> ${step.toLevel}`;
    case 'solution':
      return 'solved';
    case 'failure':
      return 'failed';
  }
}

/** Whether term `a` implies term `b`, looking only at the versions the index lists. */
function satisfiesOnListed(a: TermView, b: TermView): boolean {
  const within = (x: readonly string[], y: readonly string[]) => x.every((v) => y.includes(v));
  if (a.positive && b.positive) return within(a.matching, b.matching);
  if (a.positive) return a.matching.every((v) => !b.matching.includes(v));
  return !b.positive && within(b.matching, a.matching);
}

const linear = examples.cases.find((c) => c.name === 'doc: linear error reporting')?.problem;

describe('the step stream', () => {
  it('follows the worked trace of pubgrub.md §9 event by event', () => {
    // Written from the table in §9 (levels in the code convention: the root decision is level 1).
    expect(solve(linear).steps.map(compact)).toEqual([
      '+ root is 1.0.0',
      'derive root ==1.0.0 @0',
      '+ root depends on foo >=1.0.0,<2.0.0',
      '+ root depends on baz >=1.0.0,<2.0.0',
      'decide root 1.0.0 @1',
      'derive baz >=1.0.0,<2.0.0 @1',
      'derive foo >=1.0.0,<2.0.0 @1',
      'decide baz 1.0.0 @2',
      '+ every version of foo depends on bar >=2.0.0,<3.0.0',
      'decide foo 1.0.0 @3',
      'derive bar >=2.0.0,<3.0.0 @3',
      '+ every version of bar depends on baz >=3.0.0,<4.0.0',
      'skip bar 2.0.0',
      'conflict every version of bar depends on baz >=3.0.0,<4.0.0',
      'backjump 3 -> 1',
      'derive not bar @1',
      'conflict every version of foo depends on bar >=2.0.0,<3.0.0',
      'resolve -> every version of foo requires baz >=3.0.0,<4.0.0',
      'resolve -> baz >=3.0.0,<4.0.0 is required',
      'resolve -> version solving failed',
      'failed',
    ]);
  });

  it('names the causes of every derived incompatibility (the proof graph)', () => {
    const steps = solve(linear).steps;
    const resolutions = steps.flatMap((s) => (s.type === 'resolution' ? [s] : []));
    const [first, second, third] = resolutions.map((r) => r.incompatibility);
    const conflictIds = steps.flatMap((s) => (s.type === 'conflict' ? [s.incompatibility] : []));
    expect(first?.causes?.[0]).toBe(conflictIds[1]);
    expect(second?.causes?.[0]).toBe(first?.id);
    expect(third?.causes?.[0]).toBe(second?.id);
    const failure = steps.at(-1);
    expect(failure?.type === 'failure' && failure.incompatibility).toBe(third?.id);
  });

  it('marks partial satisfiers and keeps the term they leave over (pubgrub.md §7)', () => {
    // pub's "backjumps after a partial satisfier": a needs x >=1.0.0 and b needs x <2.0.0, so
    // together they force x 1.0.0, which needs y 1.0.0. (solver.md's own partial-satisfier example
    // has none once pub widens "shared 1.0.0" to "shared <2.0.0", which satisfies alone.)
    const example = pubCases.cases.find((c) => c.name === 'backjumps after a partial satisfier');
    const partial = solve(example?.problem).steps.flatMap((s) =>
      s.type === 'resolution' && s.partial ? [s] : [],
    );
    expect(partial.length).toBeGreaterThan(0);
    for (const step of partial) {
      // The satisfier alone does not satisfy the term (judged on listed versions)...
      expect(satisfiesOnListed(step.satisfier.term, step.term)).toBe(false);
      // ...so the new incompatibility keeps a term about that package: not (satisfier \ term).
      expect(step.incompatibility.terms.some((t) => t.package === step.satisfier.package)).toBe(
        true,
      );
    }
  });

  it('records learned incompatibilities with their causes, and solutions', () => {
    const example = examples.cases.find((c) => c.name === 'doc: performing conflict resolution');
    const steps = solve(example?.problem).steps;
    const learned = steps.flatMap((s) => (s.type === 'learned' ? [s.incompatibility] : []));
    expect(learned.map((l) => l.text)).toEqual(['foo >=2.0.0 is forbidden']);
    expect(learned[0]?.causes).toHaveLength(2);
    expect(steps.at(-1)).toEqual({ type: 'solution', solution: { foo: '1.0.0' }, attempts: 2 });
  });

  it('lets the partial solution be rebuilt after every step, for every fixture', () => {
    const problems = [...examples.cases, ...pubCases.cases].map((c) => c.problem);
    for (const problem of problems) {
      const steps = solve(problem, { snapshots: true }).steps.filter(hasSnapshot);
      const replayed = replayPartialSolution(steps);
      steps.forEach((step, i) => expect(replayed[i]).toEqual(step.partialSolution));
      expect(JSON.parse(JSON.stringify(steps))).toEqual(steps);
    }
  });

  it('lists the versions each term allows, for highlighting in the lab', () => {
    const steps = solve(linear).steps;
    const baz = steps.find((s) => s.type === 'derivation' && s.assignment.package === 'baz');
    expect(baz?.type === 'derivation' && baz.assignment.term.matching).toEqual(['1.0.0']);
    const notBar = steps.find(
      (s) => s.type === 'derivation' && s.assignment.term.text === 'not bar',
    );
    expect(notBar?.type === 'derivation' && notBar.assignment.term.matching).toEqual(['2.0.0']);
  });
});
