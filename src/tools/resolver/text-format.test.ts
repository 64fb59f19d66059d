import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import examples from './fixtures/resolver-problems.json';
import pubCases from './fixtures/pub-cases.json';
import { parseProblem } from './problem-schema';
import { solve } from './solver';
import { anyProblem } from './test-arbitraries';
import { formatProblemText, parseProblemText, ProblemTextError } from './text-format';

describe('the text format', () => {
  it('reads every kind of line', () => {
    const text = [
      '# branching error reporting, typed in',
      'root myapp 1.0.0 -> foo>=1.0,<2.0, bar   # the root',
      '',
      'foo 1.0.0 -> a >=1.0,<2.0, b~=1.0',
      'foo 1.1.0 2.0.0 -> x',
      'a 1.0.0',
      'b 1.0.0 1.1.0',
      'x 1.0.0 ->',
      'ghost',
    ].join('\n');
    const problem = parseProblemText(text);
    expect(problem).toEqual({
      root: { name: 'myapp', version: '1.0.0' },
      requires: { foo: '>=1.0,<2.0', bar: '' },
      index: {
        foo: {
          '1.0.0': { a: '>=1.0,<2.0', b: '~=1.0' },
          '1.1.0': { x: '' },
          '2.0.0': { x: '' },
        },
        a: { '1.0.0': {} },
        b: { '1.0.0': {}, '1.1.0': {} },
        x: { '1.0.0': {} },
        ghost: {},
      },
    });
    expect(Object.keys(problem.requires)).toEqual(['foo', 'bar']);
  });

  it('has a short root line and lets a package be called "root"', () => {
    expect(parseProblemText('root -> a\nroot 1.0 -> a\na 1')).toEqual({
      root: { name: 'root', version: '1.0.0' },
      requires: { a: '' },
      index: { root: { '1.0': { a: '' } }, a: { '1': {} } },
    });
  });

  const errors: [string, string][] = [
    ['a 1.0', 'line 1: no root line (e.g. "root myapp 1.0.0 -> foo>=1.0")'],
    ['root -> a\nroot -> b', 'line 2: a second root line'],
    [
      'root -> a\n\na 1.0 -> b>>1',
      'line 3: b: ">>1" is not a PEP 440 specifier clause (an operator and a version)',
    ],
    ['root -> a\na one', 'line 2: a: "one" is not a PEP 440 version'],
    ['root -> a\na 1.0\na 1.0', 'line 3: a 1.0 is listed twice'],
    ['root -> a\na -> b', 'line 2: expected a version of a before "->"'],
    ['root -> a, a>1', 'line 1: a is required twice'],
    ['root -> a,, b', 'line 1: expected a requirement like "bar>=1.0", got ""'],
    ['root -> a\n-a 1.0', 'line 2: "-a" is not a package name'],
    ['root my_app 1.x -> a', 'line 1: my_app: "1.x" is not a PEP 440 version'],
  ];
  for (const [text, message] of errors) {
    it(`reports ${JSON.stringify(message)}`, () => {
      let error: unknown;
      try {
        parseProblemText(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProblemTextError);
      expect(error instanceof ProblemTextError && error.message).toBe(message);
      expect(error instanceof ProblemTextError && error.line).toBe(
        Number(/line (\d+)/.exec(message)?.[1]),
      );
    });
  }

  it('prints compactly and reads back every fixture unchanged', () => {
    for (const c of [...examples.cases, ...pubCases.cases]) {
      const problem = parseProblem(c.problem);
      const text = formatProblemText(problem);
      expect(parseProblemText(text)).toEqual(problem);
    }
    const branching = examples.cases.find((c) => c.name === 'doc: branching error reporting');
    expect(formatProblemText(parseProblem(branching?.problem))).toBe(
      [
        'root -> foo>=1.0.0,<2.0.0',
        'foo 1.0.0 -> a>=1.0.0,<2.0.0, b>=1.0.0,<2.0.0',
        'foo 1.1.0 -> x>=1.0.0,<2.0.0, y>=1.0.0,<2.0.0',
        'a 1.0.0 -> b>=2.0.0,<3.0.0',
        'b 1.0.0 2.0.0',
        'x 1.0.0 -> y>=2.0.0,<3.0.0',
        'y 1.0.0 2.0.0',
        '',
      ].join('\n'),
    );
  });

  it('round-trips random problems, key order included', () => {
    fc.assert(
      fc.property(anyProblem, (problem) => {
        const back = parseProblemText(formatProblemText(problem));
        expect(back).toEqual(problem);
        expect(JSON.stringify(back)).toBe(JSON.stringify(problem));
        expect(solve(back)).toEqual(solve(problem));
      }),
      { numRuns: 200 },
    );
  });
});
