import { describe, expect, it } from 'vitest';
import { DockerLab } from './docker-lab.svelte';
import type { LabConfig } from './lab-config';
import { copyFirstPreset } from './presets/copy-first';
import { multiStagePreset } from './presets/multi-stage';
import { uvPreset } from './presets/uv';

function statuses(lab: DockerLab): Record<string, string> {
  const steps = lab.session.report?.lanes.flatMap((lane) => lane.steps) ?? [];
  return Object.fromEntries(steps.map((step) => [step.instruction, step.status]));
}

const edit = (lab: DockerLab, label: string) => {
  const change = lab.workspace.changes.find((candidate) => candidate.label === label);
  if (!change) throw new Error(`no change ${label}`);
  lab.workspace.applyChange(change);
};

describe('DockerLab: build, change, rebuild', () => {
  it('builds cold first, then reuses the cache and names the layer that broke it', () => {
    const lab = new DockerLab(copyFirstPreset);
    expect(lab.buildLabel).toBe('Build');
    lab.build();
    const first = lab.session.report!;
    expect(first.cold).toBe(true);
    expect(first.number).toBe(1);
    expect(first.firstBreak).toBeNull();
    expect(first.counts).toEqual({ hit: 0, miss: 4, meta: 1, skipped: 0 });
    expect(first.seconds).toBe(first.coldSeconds);
    expect(first.savedSeconds).toBe(0);
    expect(lab.buildLabel).toBe('Rebuild');

    edit(lab, 'Edit app/main.py');
    expect(lab.changedSinceBuild).toEqual(['app/main.py']);
    lab.build();
    const second = lab.session.report!;
    expect(second.number).toBe(2);
    expect(statuses(lab)).toMatchObject({
      'FROM python:3.12-slim': 'hit',
      'WORKDIR /app': 'hit',
      'COPY . .': 'miss',
      'RUN pip install --no-cache-dir -r requirements.txt': 'miss',
    });
    expect(second.firstBreak?.instruction).toBe('COPY . .');
    expect(second.firstBreak?.reason).toContain('app/main.py changed');
    expect(lab.changedSinceBuild).toEqual([]);
  });

  it('shows the time the cache saved and the time a change cost against the previous build', () => {
    const lab = new DockerLab(copyFirstPreset);
    lab.build();
    const cold = lab.session.report!;
    lab.build();
    const cached = lab.session.report!;
    expect(cached.counts.miss).toBe(0);
    expect(cached.seconds).toBe(0);
    expect(cached.savedSeconds).toBe(cold.coldSeconds);
    expect(cached.deltaSeconds).toBe(-cold.seconds);

    edit(lab, 'Add a dependency');
    lab.build();
    const changed = lab.session.report!;
    const install = changed.lanes[0]!.steps.find((step) => step.instruction.startsWith('RUN'))!;
    expect(install.status).toBe('miss');
    expect(changed.seconds).toBeGreaterThan(install.estimate.miss_seconds - 0.01);
    expect(changed.deltaSeconds).toBe(changed.seconds);
    expect(changed.savedSeconds).toBeCloseTo(changed.coldSeconds - changed.seconds, 5);
  });

  it('applies the SBX001 fix, after which a source edit keeps the install cached', () => {
    const lab = new DockerLab(copyFirstPreset);
    const sbx001 = lab.lint.findings.find((finding) => finding.rule === 'SBX001');
    expect(sbx001?.fix.kind).toBe('edit');
    expect(lab.lint.markers).toContainEqual(
      expect.objectContaining({ source: 'dockerfile-lint', code: 'SBX001', line: sbx001!.line }),
    );
    lab.build();
    lab.fix(sbx001!);
    expect(lab.workspace.dockerfile).toMatch(
      /COPY requirements.txt \.\/\nRUN pip install[^\n]*\nCOPY \. \./,
    );
    expect(lab.lint.findings.some((finding) => finding.rule === 'SBX001')).toBe(false);
    lab.build();
    edit(lab, 'Edit app/main.py');
    lab.build();
    expect(statuses(lab)).toMatchObject({
      'COPY requirements.txt ./': 'hit',
      'RUN pip install --no-cache-dir -r requirements.txt': 'hit',
      'COPY . .': 'miss',
    });
  });

  it('keeps one cache per builder, and prune empties it', () => {
    const lab = new DockerLab(copyFirstPreset);
    lab.build();
    lab.workspace.builder = 'classic';
    expect(lab.builds).toBe(0);
    expect(lab.buildLabel).toBe('Build');
    lab.build();
    expect(lab.session.report?.builder).toBe('classic');
    expect(lab.session.report?.cold).toBe(true);
    lab.workspace.builder = 'buildkit';
    expect(lab.builds).toBe(1);
    lab.session.prune('buildkit');
    expect(lab.builds).toBe(0);
    lab.workspace.builder = 'classic';
    expect(lab.builds).toBe(1);
  });

  it('says when only BuildKit can build the Dockerfile', () => {
    const lab = new DockerLab({ ...uvPreset, builder: 'classic' });
    lab.build();
    expect(lab.session.report).toBeNull();
    expect(lab.session.problem?.needsBuildkit).toBe(true);
    expect(lab.session.problem?.errors.join(' ')).toMatch(/BuildKit/);
  });

  it('shows stages as lanes, with the stages BuildKit skipped', () => {
    const lab = new DockerLab(multiStagePreset);
    lab.build();
    edit(lab, 'Edit src/shop/api.py');
    lab.build();
    const lanes = lab.session.report!.lanes;
    expect(lanes.map((lane) => [lane.stage, lane.outcome])).toEqual([
      ['builder', 'cached'],
      ['test', 'skipped'],
      ['runtime', 'ran'],
    ]);
    expect(lab.session.report!.firstBreak?.instruction).toBe('COPY src/ ./');

    lab.workspace.builder = 'classic';
    lab.build();
    expect(lab.session.report!.lanes.map((lane) => lane.built)).toEqual([true, true, true]);
  });

  it('builds the target stage when one is chosen', () => {
    const lab = new DockerLab(multiStagePreset);
    lab.workspace.target = 'test';
    lab.build();
    expect(lab.session.report!.lanes.map((lane) => lane.outcome)).toEqual([
      'ran',
      'ran',
      'skipped',
    ]);
  });

  it('reports inputs that do not validate instead of building', () => {
    const config: LabConfig = { ...copyFirstPreset, target: 'nowhere' };
    const lab = new DockerLab(config);
    lab.build();
    expect(lab.session.report).toBeNull();
    expect(lab.session.problem?.errors.join(' ')).toContain('nowhere');
  });
});

describe('LabWorkspace', () => {
  it('adds, edits and removes context files and the .dockerignore', () => {
    const lab = new DockerLab(copyFirstPreset);
    const workspace = lab.workspace;
    expect(workspace.addFile('../etc/passwd')).toMatch(/inside the project/);
    expect(workspace.addFile('app/main.py')).toMatch(/already exists/);
    expect(workspace.addFile('Dockerfile')).toMatch(/already part/);
    expect(workspace.addFile('./docs/notes.md')).toBeNull();
    expect(workspace.selected).toBe('docs/notes.md');
    workspace.selectedContent = 'hello\n';
    expect(workspace.files['docs/notes.md']).toBe('hello\n');
    workspace.removeSelected();
    expect('docs/notes.md' in workspace.files).toBe(false);

    workspace.createDockerignore();
    expect(workspace.selected).toBe('.dockerignore');
    expect(workspace.ignoredPaths.has('.git/HEAD')).toBe(true);
    expect(workspace.ignoredPaths.has('app/main.py')).toBe(false);
    workspace.selectedContent = '.git\napp\n';
    expect(workspace.ignoredPaths.has('app/main.py')).toBe(true);
    workspace.removeSelected();
    expect(workspace.dockerignore).toBeNull();
  });

  it('marks a change as applied, and build args from a change reach the build', () => {
    const lab = new DockerLab({
      ...copyFirstPreset,
      dockerfile: 'FROM python:3.12-slim\nARG GIT_SHA\nRUN echo "$GIT_SHA" > /sha\n',
      changes: [{ label: 'New commit', files: {}, buildArgs: { GIT_SHA: 'b2' } }],
      buildArgs: { GIT_SHA: 'a1' },
    });
    lab.build();
    const change = lab.workspace.changes[0]!;
    expect(lab.isApplied(change)).toBe(false);
    lab.workspace.applyChange(change);
    expect(lab.isApplied(change)).toBe(true);
    expect(lab.changedSinceBuild).toEqual(['build args']);
    lab.build();
    expect(statuses(lab)['RUN echo "$GIT_SHA" > /sha']).toBe('miss');
  });
});
