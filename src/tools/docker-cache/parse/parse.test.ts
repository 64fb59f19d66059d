import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Instruction } from '../model';
import { parseDockerfile } from '.';

function parsed(text: string) {
  const result = parseDockerfile(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.dockerfile;
}

function only<K extends Instruction['keyword']>(
  text: string,
  keyword: K,
): Instruction & { keyword: K } {
  const found = parsed(text).instructions.find(
    (i): i is Instruction & { keyword: K } => i.keyword === keyword,
  );
  if (!found) throw new Error(`no ${keyword}`);
  return found;
}

describe('parseDockerfile', () => {
  it('builds stages with names, FROM flags and 1-based lines', () => {
    const df = parsed(
      'ARG V=3\nFROM --platform=$BUILDPLATFORM python:$V AS Build\nRUN x\n\nFROM scratch\nCOPY --from=build /a /b\n',
    );
    expect(df.globalArgs.map((a) => a.pairs)).toEqual([[{ name: 'V', value: '3' }]]);
    expect(df.stages.map((s) => [s.label, s.from.line, s.instructions.length])).toEqual([
      ['build', 2, 2],
      ['1', 5, 2],
    ]);
    expect(df.stages[0]?.from.platform).toBe('$BUILDPLATFORM');
  });

  it('joins continuations like BuildKit: comments and blank lines go, spacing stays', () => {
    const run = only('FROM a\nRUN one \\\n    # note\n    && two \\\n\n    && three\n', 'RUN');
    expect(run.command).toEqual({ form: 'shell', text: 'one     && two     && three' });
    expect(run.text).toBe('RUN one && two && three');
    expect([run.line, run.endLine]).toEqual([2, 6]);
    expect(parsed('FROM a\nRUN one \\\n\n  two\n').warnings.map((w) => w.line)).toEqual([3]);
  });

  it('honours `# escape=`` and keeps `# syntax=`', () => {
    const df = parsed('# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN one `\n  two\n');
    expect(df.syntax).toBe('docker/dockerfile:1');
    expect(df.escapeChar).toBe('`');
    expect(df.instructions[1]?.args).toBe('one   two');
  });

  it('tells exec form from shell form, as BuildKit does', () => {
    expect(only('FROM a\nCMD ["python", "app.py"]\n', 'CMD').command).toEqual({
      form: 'exec',
      argv: ['python', 'app.py'],
    });
    expect(only('FROM a\nCMD [ -f x ] && y\n', 'CMD').command.form).toBe('shell');
    expect(only('FROM a\nCOPY ["a b", "c/"]\n', 'COPY')).toMatchObject({
      sources: ['a b'],
      dest: 'c/',
      json: true,
    });
  });

  it('parses COPY flags and RUN mounts', () => {
    const copy = only(
      'FROM a\nCOPY --from=build --chown=app:app --chmod=755 --link a b /dst/\n',
      'COPY',
    );
    expect(copy).toMatchObject({
      from: 'build',
      chown: 'app:app',
      chmod: '755',
      link: true,
      sources: ['a', 'b'],
      dest: '/dst/',
    });
    const run = only(
      'FROM a\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=locked --mount=type=secret,id=tok pip install x\n',
      'RUN',
    );
    expect(run.mounts).toEqual([
      { type: 'cache', options: { target: '/root/.cache/pip', sharing: 'locked' } },
      { type: 'secret', options: { id: 'tok' } },
    ]);
    expect(run.command).toEqual({ form: 'shell', text: 'pip install x' });
  });

  it('reads heredocs, including <<- and quoted delimiters', () => {
    const run = only('FROM a\nRUN <<-"EOT"\n\techo $HOME\n\tEOT\nCMD x\n', 'RUN');
    expect(run.heredocs).toEqual([{ name: 'EOT', body: 'echo $HOME', expands: false }]);
    expect(parsed('FROM a\nRUN <<EOF\nx\nEOF\nCMD y\n').instructions.map((i) => i.keyword)).toEqual(
      ['FROM', 'RUN', 'CMD'],
    );
  });

  it('keeps a duplicate stage name as a warning for the linter', () => {
    expect(parsed('FROM a AS x\nFROM b AS X\n').warnings).toEqual([
      { line: 2, code: 'DuplicateStageName', message: 'line 2: the stage name "x" is used twice' },
    ]);
  });

  it('reads ENV in both forms', () => {
    expect(only('FROM a\nENV A=1 B="two words"\n', 'ENV').pairs).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'two words' },
    ]);
    expect(only('FROM a\nENV A 1 2\n', 'ENV')).toMatchObject({
      pairs: [{ name: 'A', value: '1 2' }],
      legacyForm: true,
    });
  });

  it.each([
    ['FROM a\nCOPY only-one\n', 'line 2: COPY needs at least a source and a destination'],
    ['RUN echo\n', 'line 1: RUN comes before the first FROM (only ARG may)'],
    ['FROM a\nFROBNICATE x\n', 'line 2: unknown instruction FROBNICATE'],
    ['FROM a\nRUN <<EOF\nnever closed\n', 'line 2: the heredoc <<EOF is never closed'],
    ['# only a comment\n', 'line 1: the Dockerfile has no FROM instruction'],
    ['FROM a\nRUN --mount=type=nfs,target=/x echo\n', 'line 2: --mount: unknown mount type "nfs"'],
    ['FROM a\nRUN --mount=type=cache echo\n', 'line 2: --mount: a cache mount needs target=<path>'],
    ['FROM a\nCOPY --frm=x a b\n', 'line 2: COPY does not accept the flag --frm'],
    ['FROM a\nWORKDIR\n', 'line 2: WORKDIR needs a path'],
    ['FROM a b c d\n', 'line 1: FROM takes an image and an optional "AS name"'],
    [
      'FROM a\nSHELL /bin/bash -c\n',
      'line 2: SHELL needs a JSON array, e.g. SHELL ["/bin/bash", "-c"]',
    ],
    ['FROM a\nENV A\n', 'line 2: ENV needs a value for A'],
    ['FROM a\nONBUILD FROM b\n', 'line 2: ONBUILD cannot trigger FROM'],
  ])('reports %j as %j', (text, message) => {
    const result = parseDockerfile(text);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toContain(message);
  });
});

describe('parseDockerfile on hostile input', () => {
  const finishes = (text: string) => {
    const started = performance.now();
    const result = parseDockerfile(text);
    expect(result.ok || result.errors.length > 0).toBe(true);
    return performance.now() - started;
  };

  it('handles a 10,000-line Dockerfile', () => {
    const text =
      'FROM python:3.12-slim\n' +
      Array.from({ length: 10_000 }, (_, i) => `RUN echo ${i}\n`).join('');
    expect(finishes(text)).toBeLessThan(10_000);
    const result = parseDockerfile(text);
    expect(result.ok && result.dockerfile.instructions.length).toBe(10_001);
  });

  it('handles very long lines and deep continuation nesting', () => {
    expect(finishes(`FROM a\nRUN ${'x'.repeat(200_000)}\n`)).toBeLessThan(10_000);
    expect(finishes(`FROM a\nRUN a \\\n${'  && b \\\n'.repeat(20_000)}  && c\n`)).toBeLessThan(
      10_000,
    );
    expect(finishes(`FROM a\nRUN \\\n${'\\\n'.repeat(20_000)}`)).toBeLessThan(10_000);
  });

  it('refuses input larger than 2 MB with an error', () => {
    const result = parseDockerfile('#'.repeat(2_000_001));
    expect(result.ok).toBe(false);
  });

  it('never throws on binary garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        finishes(String.fromCharCode(...bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary Dockerfile-shaped text', () => {
    const token = fc.constantFrom(
      'FROM',
      'RUN',
      'COPY',
      'ADD',
      'ENV',
      'ARG',
      'WORKDIR',
      'USER',
      'CMD',
      'ONBUILD',
      'HEALTHCHECK',
      'SHELL',
      'AS',
      '--from=',
      '--mount=type=',
      '--link',
      '<<EOF',
      'EOF',
      '\\',
      '`',
      '#',
      '"',
      "'",
      '[',
      ']',
      '${A',
      '$',
      '=',
      ' ',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, fc.string({ maxLength: 6 })), { maxLength: 80 }),
        (parts) => {
          finishes(parts.join(''));
        },
      ),
      { numRuns: 500 },
    );
  });
});
