import { describe, expect, it } from 'vitest';
import scenarios from './fixtures/docker-cache-scenarios.json';
import { runCli } from './cli-run';

function cli(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile(path) {
      const text = files[path];
      if (text === undefined) throw new Error('ENOENT: no such file');
      return text;
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

const first = JSON.stringify(scenarios.cases[0]);

describe('docker-cache CLI', () => {
  it('prints the BuildKit result by default and the classic one with --builder classic', () => {
    const buildkit = cli(['s.json'], { 's.json': first });
    expect(buildkit.code).toBe(0);
    const parsed: unknown = JSON.parse(buildkit.stdout);
    expect(parsed).toMatchObject({ ok: true, builder: 'buildkit' });
    const classic = cli(['s.json', '--builder', 'classic'], { 's.json': first });
    expect(JSON.parse(classic.stdout)).toMatchObject({ builder: 'classic', stages_built: ['0'] });
  });

  it('prints lint findings with --lint', () => {
    const { code, stdout } = cli(['s.json', '--lint'], { 's.json': first });
    expect(code).toBe(0);
    expect(stdout).toContain('"rule": "SBX001"');
  });

  it('runs one case of a scenarios file with --case', () => {
    const all = JSON.stringify(scenarios);
    const { code, stdout } = cli(['all.json', '--case', 'comments-only-edit'], { 'all.json': all });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, builder: 'buildkit' });
    expect(cli(['all.json', '--case', 'nope'], { 'all.json': all }).stderr).toContain(
      'no case named "nope"',
    );
  });

  it.each([
    [['s.json'], { 's.json': '{not json' }, /s\.json is not valid JSON/],
    [['s.json'], { 's.json': '{"files_before": {}}' }, /dockerfile: /],
    [
      ['s.json'],
      { 's.json': '{"dockerfile": "FROM a\\n", "file_modes_before": {"x": "rwx"}}' },
      /file_modes_before\.x: must be an octal file mode/,
    ],
    [
      ['s.json'],
      { 's.json': '{"dockerfile": "FROM a\\nCOPY x\\n"}' },
      /line 2: COPY needs at least a source and a destination/,
    ],
    [['missing.json'], {}, /cannot read missing\.json/],
    [
      ['s.json', '--builder', 'kaniko'],
      { 's.json': first },
      /--builder must be buildkit or classic/,
    ],
    [[], {}, /missing the scenario file/],
  ])('exits 2 with a clear message for %j', (argv, files, message) => {
    const { code, stderr, stdout } = cli(argv, files);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('prints needs_buildkit (exit 0) when only BuildKit can build the Dockerfile', () => {
    const scenario = JSON.stringify({
      dockerfile: 'FROM a\nRUN --mount=type=cache,target=/c echo\n',
    });
    const { code, stdout } = cli(['s.json', '--builder', 'classic'], { 's.json': scenario });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, needs_buildkit: true });
  });
});
