/**
 * One Docker cache lab: the workspace being edited, the builds run so far, and what lint says
 * about the Dockerfile. Components read and call this; nothing here touches the DOM.
 */
import { applyFix } from '../lint/apply-fix';
import type { BuildInput } from '../build/input';
import type { LintFinding } from '../lint/types';
import { BuildSession } from './build-session.svelte';
import { isApplied, type LabChange, type LabConfig } from './lab-config';
import { lintView } from './lint-view';
import { LabWorkspace } from './workspace.svelte';

export class DockerLab {
  readonly workspace: LabWorkspace;
  readonly session = new BuildSession();

  constructor(config: LabConfig) {
    this.workspace = new LabWorkspace(config);
  }

  readonly lint = $derived.by(() =>
    lintView(this.workspace.dockerfile, this.workspace.dockerignore, this.workspace.paths),
  );

  /** Builds so far on the chosen builder's cache: 0 means the next build is a cold one. */
  readonly builds = $derived.by(() => this.session.builds(this.workspace.builder));

  readonly buildLabel = $derived(this.builds === 0 ? 'Build' : 'Rebuild');

  /** Context paths (and `Dockerfile`, `.dockerignore`) edited since the last build on this builder. */
  readonly changedSinceBuild = $derived.by(() => {
    const last = this.session.lastInput(this.workspace.builder);
    const made = this.workspace.buildInput();
    return last && made.ok ? inputDifferences(last, made.input) : [];
  });

  build(): void {
    const made = this.workspace.buildInput();
    if (!made.ok) this.session.fail(made.errors);
    else this.session.build(made.input, this.workspace.builder);
  }

  /** Apply a lint finding's mechanical fix to the Dockerfile. */
  fix(finding: LintFinding): void {
    this.workspace.dockerfile = applyFix(this.workspace.dockerfile, finding);
  }

  isApplied(change: LabChange): boolean {
    return isApplied(change, this.workspace.files, this.workspace.buildArgValues);
  }

  /** Start again: the given (or initial) configuration and empty caches. */
  reset(config?: LabConfig): void {
    this.workspace.load(config);
    this.session.prune();
  }
}

function inputDifferences(before: BuildInput, after: BuildInput): string[] {
  const changed: string[] = [];
  if (before.dockerfile !== after.dockerfile) changed.push('Dockerfile');
  if (before.dockerignore !== after.dockerignore) changed.push('.dockerignore');
  const paths = new Set([...before.files.keys(), ...after.files.keys()]);
  for (const path of [...paths].sort()) {
    if (before.files.get(path)?.content !== after.files.get(path)?.content) changed.push(path);
  }
  if (JSON.stringify(before.buildArgs) !== JSON.stringify(after.buildArgs))
    changed.push('build args');
  if (before.target !== after.target) changed.push('target');
  return changed;
}
