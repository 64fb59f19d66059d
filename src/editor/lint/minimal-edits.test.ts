import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalEdits, type OffsetEdit } from './minimal-edits';

function apply(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

describe('minimalEdits', () => {
  it('changes only the lines that differ', () => {
    const before = 'def f(a,b):\n    return a+b\n\n\nprint( f(1,2) )\n';
    const after = 'def f(a, b):\n    return a + b\n\n\nprint(f(1, 2))\n';
    const edits = minimalEdits(before, after);
    expect(edits).toEqual([
      { start: 0, end: 27, text: 'def f(a, b):\n    return a + b\n' },
      { start: 29, end: 45, text: 'print(f(1, 2))\n' },
    ]);
    expect(apply(before, edits)).toBe(after);
  });

  it('makes no edit when nothing changes, and handles a missing final newline', () => {
    expect(minimalEdits('x = 1\n', 'x = 1\n')).toEqual([]);
    expect(minimalEdits('x = 1', 'x = 1\n')).toEqual([{ start: 0, end: 5, text: 'x = 1\n' }]);
    expect(apply('', minimalEdits('', 'a\nb\n'))).toBe('a\nb\n');
  });

  it('turns any text into any other with ordered edits that leave the shared first lines alone', () => {
    const line = fc.constantFrom('a', 'b', 'c', '', '  d', 'é😀');
    const text = fc
      .array(line, { maxLength: 12 })
      .chain((lines) =>
        fc.boolean().map((final) => lines.join('\n') + (final && lines.length ? '\n' : '')),
      );
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edits = minimalEdits(before, after);
        expect(apply(before, edits)).toBe(after);
        const ordered = [...edits].sort((a, b) => a.start - b.start);
        ordered.forEach((edit, index) => {
          expect(edit.start).toBeLessThanOrEqual(edit.end);
          if (index) expect(ordered[index - 1]!.end).toBeLessThan(edit.start + 1);
        });
        const head = commonPrefixLines(before, after);
        expect(edits.every((edit) => edit.start >= head)).toBe(true);
      }),
    );
  });
});

/** Length of the whole lines (with their breaks) the two texts start with. */
function commonPrefixLines(a: string, b: string): number {
  let length = 0;
  const linesA = a.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const linesB = b.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (let i = 0; i < linesA.length && linesA[i] === linesB[i]; i++) length += linesA[i]!.length;
  return length;
}
