import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDockerignore, type IgnoreMatcher } from './dockerignore';

function matcher(text: string): IgnoreMatcher {
  const parsed = parseDockerignore(text);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return parsed.matcher;
}

// Expectations follow context.md and moby/patternmatcher's own test table.
describe('R-IGNORE: .dockerignore matching', () => {
  it.each([
    ['*.md', 'README.md', true],
    ['*.md', 'docs/guide.md', false], // `*.md` only matches at the root
    ['**/*.md', 'docs/guide.md', true],
    ['**/*.md', 'README.md', true],
    ['*/temp*', 'somedir/temporary.txt', true],
    ['*/temp*', 'somedir/sub/temporary.txt', false],
    ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
    ['temp?', 'temp1', true],
    ['temp?', 'temp12', false],
    ['/secret.txt', 'secret.txt', true], // leading slash cleaned
    ['./build/', 'build/out.bin', true], // `./` and trailing slash cleaned; directories hold contents
    ['node_modules', 'node_modules/a/index.js', true],
    ['node_modules', 'src/node_modules/a.js', false],
    ['**/node_modules', 'src/node_modules/a.js', true],
    ['**/__pycache__', '__pycache__/x.pyc', true],
    ['docs/**', 'docs/a/b.md', true],
    ['docs/**', 'docsx/a.md', false],
    ['**', 'anything/at/all', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['**foo', 'barfoo', true], // patternmatcher's suffix shortcut
    ['*.LOG', 'app.log', false], // case-sensitive, as on Linux
    ['[a-c].txt', 'b.txt', true],
    ['[^a-c].txt', 'd.txt', true],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['a.b', 'axb', false], // `.` is literal
    ['.', 'anything', false], // the pattern `.` is ignored
  ])('%s against %s → %s', (pattern, path, ignored) => {
    expect(matcher(pattern).ignores(path)).toBe(ignored);
  });

  it('lets the last matching line win, and `!` re-includes', () => {
    const m = matcher('*.md\n!README.md\n');
    expect(m.ignores('CHANGES.md')).toBe(true);
    expect(m.ignores('README.md')).toBe(false);
    const later = matcher('!README.md\n*.md\n');
    expect(later.ignores('README.md')).toBe(true);
  });

  it('re-includes a file inside an excluded directory', () => {
    const m = matcher('docs\n!docs/keep.md\n');
    expect(m.ignores('docs/keep.md')).toBe(false);
    expect(m.ignores('docs/other.md')).toBe(true);
    expect(m.decidingRule('docs/keep.md')?.line).toBe(2);
  });

  it('treats only column-1 `#` as a comment and skips blank lines', () => {
    const m = matcher('# comment\n\n   \n #x\n');
    expect(m.rules.map((r) => r.pattern)).toEqual(['#x']);
    expect(m.ignores('#x')).toBe(true);
  });

  it('drops a UTF-8 byte order mark and accepts CRLF', () => {
    expect(matcher('\uFEFF*.log\r\n').ignores('a.log')).toBe(true);
  });

  it('reports malformed patterns with their line', () => {
    const parsed = parseDockerignore('ok\n[a-\n!\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it('refuses oversized ignore files instead of matching slowly', () => {
    expect(parseDockerignore('a'.repeat(1025)).ok).toBe(false);
    expect(parseDockerignore('x\n'.repeat(5001)).ok).toBe(false);
  });

  it('never excludes the context root', () => {
    expect(matcher('**').ignores('.')).toBe(false);
  });

  it('survives hostile patterns and paths quickly (no exponential backtracking)', () => {
    const m = matcher('a*a*a*a*a*a*a*a*a*a*a*a*b\n**/**/**/**/**/x\n');
    const started = performance.now();
    expect(m.ignores('a'.repeat(2000))).toBe(false);
    expect(m.ignores('y/'.repeat(300) + 'z')).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never throws on arbitrary ignore files and paths', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 80 }), (text, path) => {
        const parsed = parseDockerignore(text);
        if (parsed.ok) expect(typeof parsed.matcher.ignores(path)).toBe('boolean');
        else expect(parsed.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});
