/**
 * The lab's editable inputs: the Dockerfile, the build context (files and .dockerignore), build
 * args, the target stage and the builder. `buildInput()` turns them into what the simulator builds.
 */
import type { BuildInput } from '../build/input';
import { scenarioBuilds } from '../build/input';
import type { BuilderName } from '../build/types';
import { parseDockerignore } from '../context/dockerignore';
import { parseDockerfile } from '../parse';
import { validateScenario } from '../scenario';
import { changedFiles, type LabChange, type LabConfig } from './lab-config';

export interface BuildArgRow {
  name: string;
  value: string;
}

/** A suggestion the learner can start from when the project has no .dockerignore yet. */
export const suggestedDockerignore = `.git
.venv
**/__pycache__
*.log
Dockerfile
.dockerignore
`;

export const dockerignorePath = '.dockerignore';

/** The file to open first: the dependency manifest if there is one, else a visible file. */
function firstToShow(paths: readonly string[]): string | null {
  const sorted = [...paths].sort();
  return (
    ['requirements.txt', 'pyproject.toml'].find((path) => sorted.includes(path)) ??
    sorted.find((path) => !path.split('/').some((part) => part.startsWith('.'))) ??
    sorted[0] ??
    null
  );
}

export class LabWorkspace {
  dockerfile = $state('');
  files = $state.raw<Record<string, string>>({});
  dockerignore = $state<string | null>(null);
  buildArgs = $state<BuildArgRow[]>([]);
  /** '' builds the last stage. */
  target = $state('');
  builder = $state<BuilderName>('buildkit');
  /** The context file open in the file editor (a path, or `.dockerignore`). */
  selected = $state<string | null>(null);
  changes = $state.raw<LabChange[]>([]);

  #initial: LabConfig;

  constructor(config: LabConfig) {
    this.#initial = config;
    this.load(config);
  }

  /** Start over from a configuration (the initial one when none is given). */
  load(config: LabConfig = this.#initial): void {
    this.#initial = config;
    this.dockerfile = config.dockerfile;
    this.files = { ...config.files };
    this.dockerignore = config.dockerignore;
    this.buildArgs = Object.entries(config.buildArgs).map(([name, value]) => ({ name, value }));
    this.target = config.target ?? '';
    this.builder = config.builder;
    this.changes = config.changes;
    this.selected = firstToShow(Object.keys(config.files));
  }

  /** Context paths, sorted, without the Dockerfile and .dockerignore. */
  readonly paths = $derived(Object.keys(this.files).sort());

  readonly buildArgValues = $derived(
    Object.fromEntries(
      this.buildArgs
        .filter((row) => row.name.trim() !== '')
        .map((row) => [row.name.trim(), row.value]),
    ),
  );

  /** The Dockerfile's stages as --target names them (alias, else index), with their FROM line. */
  readonly stages = $derived.by(() => {
    const parsed = parseDockerfile(this.dockerfile);
    return parsed.ok
      ? parsed.dockerfile.stages.map((stage) => ({ label: stage.label, from: stage.from.text }))
      : [];
  });

  /** Paths the .dockerignore leaves out of the context. */
  readonly ignoredPaths = $derived.by(() => {
    if (this.dockerignore === null) return new Set<string>();
    const parsed = parseDockerignore(this.dockerignore);
    if (!parsed.ok) return new Set<string>();
    return new Set(this.paths.filter((path) => parsed.matcher.ignores(path)));
  });

  get selectedContent(): string {
    if (this.selected === dockerignorePath) return this.dockerignore ?? '';
    return this.selected === null ? '' : (this.files[this.selected] ?? '');
  }

  set selectedContent(content: string) {
    if (this.selected === dockerignorePath) this.dockerignore = content;
    else if (this.selected !== null && this.selected in this.files)
      this.files = { ...this.files, [this.selected]: content };
  }

  /** Adds an empty file; returns an error message when the path cannot be used. */
  addFile(path: string): string | null {
    const clean = path.trim().replace(/^\.\//, '');
    if (!clean) return 'Type a path first, such as src/app.py.';
    if (clean.startsWith('/') || clean.split('/').includes('..'))
      return 'Use a path inside the project, such as src/app.py.';
    if (clean === 'Dockerfile' || clean === dockerignorePath)
      return `${clean} is already part of the lab.`;
    if (clean in this.files) return `${clean} already exists.`;
    this.files = { ...this.files, [clean]: '' };
    this.selected = clean;
    return null;
  }

  removeSelected(): void {
    const path = this.selected;
    if (path === null) return;
    if (path === dockerignorePath) {
      this.dockerignore = null;
    } else {
      const { [path]: _removed, ...rest } = this.files;
      this.files = rest;
    }
    this.selected = firstToShow(this.paths);
  }

  createDockerignore(): void {
    this.dockerignore ??= suggestedDockerignore;
    this.selected = dockerignorePath;
  }

  applyChange(change: LabChange): void {
    this.files = changedFiles(this.files, change);
    for (const [name, value] of Object.entries(change.buildArgs)) {
      const row = this.buildArgs.find((candidate) => candidate.name.trim() === name);
      if (row) row.value = value;
      else this.buildArgs.push({ name, value });
    }
    const edited = Object.keys(change.files).find((path) => path in this.files);
    if (edited) this.selected = edited;
    else if (
      this.selected !== null &&
      !(this.selected in this.files) &&
      this.selected !== dockerignorePath
    )
      this.selected = firstToShow(this.paths);
  }

  /** What the simulator builds from the current inputs, or why it cannot. */
  buildInput(): { ok: true; input: BuildInput } | { ok: false; errors: string[] } {
    const checked = validateScenario({
      dockerfile: this.dockerfile,
      files_before: this.files,
      ...(this.dockerignore !== null && { dockerignore: this.dockerignore }),
      build_args_before: this.buildArgValues,
      ...(this.target && { target: this.target }),
    });
    if (!checked.ok) return checked;
    return { ok: true, input: scenarioBuilds(checked.scenario).before };
  }
}
