/**
 * Hostile packs: whatever the files hold (garbage, wrong types, deep nesting, huge sizes),
 * parsing returns a pack or issues that name a file and a line, and never throws or hangs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackIssue } from './model';
import { parsePack } from './parse-pack';
import { scaffoldFiles } from './scaffold';

/** The lesson format alone: widget kinds come from the app's tools (tested in src/app). */
const NO_WIDGETS = new Map();

function wellFormed(issues: PackIssue[], files: Record<string, string>): boolean {
  return issues.every(
    (issue) =>
      (issue.file in files || issue.file === 'pack.yaml') &&
      Number.isInteger(issue.line) &&
      issue.line >= 1 &&
      issue.message.length > 0,
  );
}

const base = scaffoldFiles('fuzz');
const yamlish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '{',
    '[',
    '- - - -',
    'a: &x [*x]',
    'a: !!python/object x',
    'lessons: {a: 1}',
    'id: 3\ntitle: [1, 2]',
  ),
);
const markdownish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '---\n',
    '---\ntitle: x\n---\n',
    ':::',
    '::: exercise\n',
    '```python run\n',
    '```\n',
    '\u0000',
  ),
);

describe('parsePack on hostile input', () => {
  it('never throws on arbitrary manifests and lessons', () => {
    fc.assert(
      fc.property(yamlish, markdownish, (manifest, lesson) => {
        const files = { 'pack.yaml': manifest, 'first-steps.md': lesson };
        const parsed = parsePack(files, 'fuzz', NO_WIDGETS);
        return (
          wellFormed(parsed.issues, files) &&
          (parsed.pack !== undefined) === (parsed.issues.length === 0)
        );
      }),
      { numRuns: 400 },
    );
  });

  it('never throws when a valid pack is cut or spliced anywhere', () => {
    const lesson = base['first-steps.md']!;
    fc.assert(
      fc.property(
        fc.nat(lesson.length),
        fc.nat(lesson.length),
        fc.string({ maxLength: 20 }),
        (a, b, insert) => {
          const cut = lesson.slice(0, Math.min(a, b)) + insert + lesson.slice(Math.max(a, b));
          const files = { ...base, 'first-steps.md': cut };
          return wellFormed(parsePack(files, 'fuzz', NO_WIDGETS).issues, files);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reports deeply nested YAML and very long lines instead of failing', () => {
    const deep = `id: deep\nlessons: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const long = `title: ${'x'.repeat(300_000)}\n`;
    for (const manifest of [deep, long]) {
      const parsed = parsePack({ ...base, 'pack.yaml': manifest }, 'fuzz', NO_WIDGETS);
      expect(parsed.pack).toBeUndefined();
      expect(wellFormed(parsed.issues, base)).toBe(true);
    }
  });

  it('refuses huge files and a YAML alias bomb with a message', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 12; level++)
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    const parsed = parsePack({ ...base, 'pack.yaml': bomb.join('\n') }, 'fuzz', NO_WIDGETS);
    expect(parsed.pack).toBeUndefined();
    expect(parsed.issues[0]!.message).toMatch(/YAML|alias|resource/i);
    const huge = parsePack(
      { ...base, 'first-steps.md': 'x'.repeat(2_000_000) },
      'fuzz',
      NO_WIDGETS,
    );
    expect(huge.issues.map((issue) => issue.message)).toContain(
      'file is 1953 KiB; the limit is 512 KiB',
    );
  });
});
