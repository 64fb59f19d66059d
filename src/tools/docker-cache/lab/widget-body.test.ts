import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../parse';
import { labPresets, presetNames } from './presets';
import { labAttributesSchema, parseLabBody } from './widget-body';

function problems(body: string, attributes: Record<string, string> = {}) {
  const parsed = parseLabBody(body, attributes);
  return parsed.ok ? [] : parsed.problems;
}

describe('docker-lab body', () => {
  it('starts from a preset and lets the body replace its fields', () => {
    const parsed = parseLabBody('dockerignore: |\n  .git\n  .venv\nbuilder: classic\n', {
      preset: 'copy-before-install',
    });
    expect(parsed.ok && parsed.config.dockerignore).toBe('.git\n.venv\n');
    expect(parsed.ok && parsed.config.builder).toBe('classic');
    expect(parsed.ok && parsed.config.files['requirements.txt']).toContain('flask');
  });

  it('reads a whole lab from the body, changes included', () => {
    const body = [
      'dockerfile: |',
      '  FROM python:3.12-slim AS base',
      '  ARG VERSION',
      '  RUN echo $VERSION',
      'files:',
      '  app.py: print(1)',
      'build_args:',
      '  VERSION: 1.0',
      'target: base',
      'changes:',
      '  - label: Bump the version',
      '    build_args: {VERSION: "1.1"}',
      '  - label: Delete app.py',
      '    files: {app.py: null}',
    ].join('\n');
    const parsed = parseLabBody(body, {});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.buildArgs).toEqual({ VERSION: '1' });
    expect(parsed.config.target).toBe('base');
    expect(parsed.config.changes).toEqual([
      { label: 'Bump the version', files: {}, buildArgs: { VERSION: '1.1' } },
      { label: 'Delete app.py', files: { 'app.py': null }, buildArgs: {} },
    ]);
  });

  it('needs a body or a preset, and a Dockerfile', () => {
    expect(problems('')).toEqual([{ line: 1, message: 'give the lab a body (YAML) or a preset=' }]);
    expect(problems('files:\n  a.py: x\n')[0]?.message).toMatch(/needs a dockerfile/);
    expect(problems('', { preset: 'multi-stage' })).toEqual([]);
  });

  it('names the line of each problem', () => {
    const body = [
      'dockerfile: |', // 1
      '  FROM python:3.12-slim', // 2
      'files:', // 3
      '  ../secret: x', // 4
      '  Dockerfile: y', // 5
      'target: runtime', // 6
      'changes:', // 7
      '  - label: Remove', // 8
      '    files:', // 9
      '      gone.py: null', // 10
      '  - label: Nothing', // 11
      'buidler: classic', // 12
    ].join('\n');
    const found = problems(body);
    expect(found).toContainEqual(
      expect.objectContaining({
        line: 12,
        message: expect.stringContaining('did you mean "builder"'),
      }),
    );
    const schemaOnly = problems(body.replace('buidler', 'builder'));
    expect(schemaOnly).toEqual([
      expect.objectContaining({ line: 4, message: 'use a relative path such as src/app.py' }),
      expect.objectContaining({ line: 5, message: expect.stringMatching(/own fields/) }),
    ]);
    const consistency = problems(
      body.replace('buidler', 'builder').replace('  ../secret: x\n  Dockerfile: y', '  app.py: x'),
    );
    expect(consistency).toEqual([
      expect.objectContaining({
        line: 5,
        message: expect.stringMatching(/no stage is named "runtime"/),
      }),
      expect.objectContaining({ line: 9, message: 'deletes gone.py, which is not in files' }),
      expect.objectContaining({ line: 10, message: 'a change needs files or build_args' }),
    ]);
  });

  it('reports YAML syntax errors on their line', () => {
    expect(problems('dockerfile: |\n  FROM x\nfiles: [\n')[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('accepts only known presets and attributes', () => {
    expect(labAttributesSchema.safeParse({ preset: 'multi-stage', id: 'lab-1' }).success).toBe(
      true,
    );
    expect(labAttributesSchema.safeParse({ preset: 'nope' }).success).toBe(false);
    expect(labAttributesSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });
});

describe('presets', () => {
  it('are listed once each, and their Dockerfiles parse', () => {
    expect(labPresets.map((preset) => preset.name)).toEqual([...presetNames]);
    for (const preset of labPresets)
      expect(parseDockerfile(preset.config.dockerfile).ok).toBe(true);
  });
});
