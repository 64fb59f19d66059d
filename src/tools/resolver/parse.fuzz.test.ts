/** Hostile input to the resolver's parsers: errors that say what is wrong, never a crash or hang. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResolverInputError } from './errors';
import { parseProblem } from './problem-schema';
import { solve } from './solver';
import { ProblemTextError, parseProblemText } from './text-format';

function outcome(run: () => unknown): 'ok' | 'input-error' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof ProblemTextError || error instanceof ResolverInputError)
      return 'input-error';
    throw error; // anything else is a bug
  }
}

const textish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        'root',
        '->',
        'a',
        'b',
        '1.0',
        '2.0.0',
        '>=',
        '<3',
        ',',
        ' ',
        '\n',
        '#',
        '==1.*',
        '~=1.4',
        '!=',
        '[x]',
      ),
      { maxLength: 40 },
    )
    .map((words) => words.join(' ')),
);

describe('resolver parsers on hostile input', () => {
  it('the text form either parses or names the line that is wrong', () => {
    fc.assert(
      fc.property(textish, (text) => {
        try {
          parseProblemText(text);
        } catch (error) {
          if (!(error instanceof ProblemTextError)) throw error;
          return error.line >= 1 && error.message.startsWith(`line ${error.line}: `);
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('any JSON value is a problem or an input error, and solving never crashes', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        (value) => outcome(() => solve(value)) !== undefined,
      ),
      { numRuns: 500 },
    );
  });

  it('survives very long lines, many versions and deep nesting', () => {
    // A 200,000-character name is legal; it just does not exist.
    const long = solve(parseProblemText(`root -> ${'a'.repeat(200_000)}`));
    expect(long.ok).toBe(false);
    const versions = Array.from({ length: 3000 }, (_, i) => `1.${i}.0`).join(' ');
    expect(outcome(() => solve(parseProblemText(`root -> a\na ${versions}`)))).toBe('ok');
    let nested: unknown = {};
    for (let i = 0; i < 10_000; i++) nested = { x: nested };
    expect(
      outcome(() =>
        parseProblem({ root: { name: 'r', version: '1.0' }, requires: {}, index: nested }),
      ),
    ).toBe('input-error');
  });
});
