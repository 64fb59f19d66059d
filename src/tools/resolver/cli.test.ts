import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import examples from './fixtures/resolver-problems.json';

function example(name: string): unknown {
  const found = examples.cases.find((c) => c.name === name);
  if (!found) throw new Error(name);
  return found.problem;
}

/** Runs the CLI against in-memory files. */
function run(args: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined)
        throw Object.assign(new Error(`ENOENT: no such file '${path}'`), { code: 'ENOENT' });
      return text;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const files = {
  'ok.json': JSON.stringify(example('doc: avoiding conflict during decision making')),
  'fail.json': JSON.stringify(example('doc: branching error reporting')),
  'bad.json': JSON.stringify({
    root: { name: 'app', version: '1' },
    requires: { a: '>>1' },
    index: {},
  }),
  'broken.json': '{ "root": ',
  'problem.txt': 'root app 1.0 -> a>=1\na 1.0 2.0 -> b\nb 1.0\n',
  'bad.txt': 'root app 1.0 -> a\na one\n',
};

describe('the resolve CLI', () => {
  it('prints the JSON result and exits 0 on a solution', () => {
    const { code, stdout } = run(['ok.json'], files);
    expect(code).toBe(0);
    const result: unknown = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: true, solution: { foo: '1.0.0', bar: '1.1.0' } });
  });

  it('prints name==version lines with --explain', () => {
    expect(run(['ok.json', '--explain'], files)).toEqual({
      code: 0,
      stdout: 'bar==1.1.0\nfoo==1.0.0\n',
      stderr: '',
    });
  });

  it('prints the report and exits 1 when there is no solution', () => {
    const { code, stdout } = run(['--explain', 'fail.json'], files);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {4}Because foo <1\.1\.0 depends on a /);
    expect(stdout).toMatch(
      /So, because root depends on foo >=1\.0\.0,<2\.0\.0, version solving failed\.\n$/,
    );
    expect(JSON.parse(run(['fail.json'], files).stdout)).toMatchObject({ ok: false });
  });

  it('exits 2 with the message on stderr for bad input', () => {
    const bad = run(['bad.json'], files);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^app 1 depends on a ">>1", an invalid specifier/);
    expect(run(['broken.json'], files)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not valid JSON/),
    });
    expect(run(['missing.json'], files)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Cannot read missing\.json/),
    });
    expect(run(['bad.txt'], files)).toMatchObject({
      code: 2,
      stderr: 'line 2: a: "one" is not a PEP 440 version\n',
    });
    expect(run([], files)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no problem file given\nUsage:/),
    });
    expect(run(['ok.json', '--frobnicate'], files)).toMatchObject({ code: 2 });
  });

  it('reads the text format, writes lock files, and runs the naive solver', () => {
    expect(run(['problem.txt', '--explain'], files).stdout).toBe('a==2.0\nb==1.0\n');
    expect(run(['problem.txt', '--lock'], files).stdout).toMatch(
      /^a==2\.0 \\\n {4}--hash=sha256:[0-9a-f]{64}\n {4}# via app \(pyproject\.toml\)$/m,
    );
    const naive = JSON.parse(run(['problem.txt', '--naive'], files).stdout);
    expect(naive).toMatchObject({ ok: true, solution: { a: '2.0', b: '1.0' }, gaveUp: false });
    const capped = run(['fail.json', '--naive', '--max-steps', '1', '--explain'], files);
    expect(capped).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^Gave up after 1 steps/),
    });
  });

  it('runs as `npm run resolve` does, with real exit codes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resolver-cli-'));
    writeFileSync(join(dir, 'fail.json'), files['fail.json']);
    const cli = join(import.meta.dirname, 'cli.ts');
    const failure = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      cli,
      join(dir, 'fail.json'),
      '--explain',
    ]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('version solving failed.'),
    });
  });
});
