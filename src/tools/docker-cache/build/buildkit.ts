/**
 * BuildKit's view of each instruction (convert.go): only RUN, COPY/ADD and WORKDIR become cached
 * operations; everything else edits state or image config and is "meta" (R-META). RUN keys carry
 * the whole env, cwd, user, shell and mounts (R-RUN-TEXT, R-RUN-ENV); COPY keys carry the
 * destination, options and source checksums but no env (R-COPY-SUM); --link drops the parent.
 */
import type { CopyInstruction, MountSpec, RunInstruction } from '../model';
import { resolveIn } from '../paths';
import { emptyContent, mentionedPaths, readSources, type SourceContent } from './sources';
import {
  applyConfig,
  declareArgs,
  expander,
  fileRecord,
  setEnvPairs,
  type StepInput,
  type StepPlan,
} from './plan';

const metaNotes: Record<string, string> = {
  ARG: 'ARG declares a variable, it is not a build step in BuildKit',
  ENV: 'ENV is configuration, not a build step in BuildKit',
  USER: 'USER is configuration, not a build step in BuildKit',
  SHELL: 'SHELL is configuration, not a build step in BuildKit',
};

export function buildkitStep(step: StepInput): StepPlan {
  const ins = step.instruction;
  switch (ins.keyword) {
    case 'ARG':
      declareArgs(step, ins, true);
      return { kind: 'meta', note: metaNotes['ARG'] ?? '' };
    case 'ENV':
      setEnvPairs(step, ins);
      return { kind: 'meta', note: metaNotes['ENV'] ?? '' };
    case 'WORKDIR':
      return workdir(step, ins.args);
    case 'COPY':
    case 'ADD':
      return copy(step, ins);
    case 'RUN':
      return run(step, ins);
    default:
      applyConfig(step);
      return {
        kind: 'meta',
        note:
          metaNotes[ins.keyword] ??
          `${ins.keyword} only changes the image config, not a build step in BuildKit`,
      };
  }
}

function layer(plan: Omit<Extract<StepPlan, { kind: 'layer' }>, 'kind'>): StepPlan {
  return { kind: 'layer', ...plan };
}

function workdir(step: StepInput, raw: string): StepPlan {
  const path = resolveIn(step.state.cwd, expander(step)(raw));
  step.state.cwd = path;
  if (path === '/')
    return { kind: 'meta', note: 'WORKDIR / needs no directory, so BuildKit adds no step' };
  const fields = {
    path,
    user: step.state.user ?? '',
    epoch: step.input.buildArgs['SOURCE_DATE_EPOCH'] ?? '',
  };
  // The mkdir op is not marked IgnoreCache, so --no-cache leaves WORKDIR to the cascade (R-NOCACHE).
  return layer({
    parts: { kind: 'workdir', chain: step.state.fs.id, fields, env: [], files: {}, inputs: {} },
    forceMiss: false,
    link: false,
    writes: { kind: 'workdir', paths: [path], text: '', cwd: path },
    content: null,
    error: null,
  });
}

export function copyDestination(cwd: string, dest: string): string {
  const resolved = resolveIn(cwd, dest);
  return dest.endsWith('/') && resolved !== '/' ? `${resolved}/` : resolved;
}

function copy(step: StepInput, ins: CopyInstruction): StepPlan {
  const x = expander(step);
  const sources = ins.sources.map(x);
  const from = ins.from === null ? null : x(ins.from);
  const heredocs = new Map(ins.heredocs.map((h) => [h.name, h.expands ? x(h.body) : h.body]));
  const content = readSources(step.world, sources, from, heredocs);
  const dest = copyDestination(step.state.cwd, x(ins.dest));
  const link = ins.link && ins.chmod === null; // --chmod falls back to a normal copy
  const fields = {
    sources: sources.join(' '),
    dest,
    chown: ins.chown === null ? '' : x(ins.chown),
    chmod: ins.chmod ?? '',
    flags: ins.otherFlags.map((f) => `--${f.name}=${f.value ?? ''}`).join(' '),
    link: link ? 'yes' : '',
  };
  return layer({
    parts: {
      kind: ins.keyword.toLowerCase(),
      chain: link ? null : step.state.fs.id,
      fields,
      env: [],
      files: fileRecord(content.files),
      inputs: content.inputs,
    },
    forceMiss: step.noCache, // --no-cache marks RUN and COPY/ADD IgnoreCache
    link,
    writes: { kind: 'copy', paths: [dest.replace(/(.)\/$/, '$1')], text: '', cwd: step.state.cwd },
    content,
    error: content.errors[0] ?? null,
  });
}

/** The mount spec as keyed: cache id/sharing never count (moby/moby#53432), paths resolved. */
export function mountKey(mount: MountSpec, cwd: string): string {
  const entries = Object.entries(mount.options)
    .filter(([key]) => !(mount.type === 'cache' && (key === 'id' || key === 'sharing')))
    .map(([key, value]) => [key, key === 'target' ? resolveIn(cwd, value) : value])
    .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1));
  return JSON.stringify([mount.type, entries]);
}

/** Content read through bind mounts and `from=` mounts (R-MOUNT-BIND); cache contents never count. */
export function mountContent(step: StepInput, mounts: readonly MountSpec[]): SourceContent {
  const all = emptyContent();
  const x = expander(step);
  for (const mount of mounts) {
    const from = mount.options['from'] === undefined ? null : x(mount.options['from']);
    if (mount.type !== 'bind' && from === null) continue;
    const source = x(mount.options['source'] ?? (from === null ? '.' : '/'));
    const read = readSources(step.world, [source], from, new Map());
    for (const [path, stamp] of read.files) all.files.set(path, stamp);
    Object.assign(all.inputs, read.inputs);
    all.bytes += read.bytes;
    all.errors.push(...read.errors.map((e) => `--mount source ${e}`));
  }
  return all;
}

export function runText(ins: RunInstruction): string {
  const body = ins.heredocs.map((h) => `\n${h.body}\n${h.name}`).join('');
  return ins.command.form === 'shell' ? ins.command.text + body : ins.command.argv.join(' ');
}

function run(step: StepInput, ins: RunInstruction): StepPlan {
  const { state } = step;
  const argv = ins.command.form === 'shell' ? [...state.shell, runText(ins)] : ins.command.argv;
  const content = mountContent(step, ins.mounts);
  const fields = {
    args: JSON.stringify(argv),
    cwd: state.cwd,
    user: state.user ?? '',
    network: ins.network ?? '',
    security: ins.security ?? '',
    platform: state.platform ?? '',
    mounts: JSON.stringify(ins.mounts.map((m) => mountKey(m, state.cwd))),
  };
  return layer({
    parts: {
      kind: 'run',
      chain: state.fs.id,
      fields,
      env: [...state.env],
      files: fileRecord(content.files),
      inputs: content.inputs,
    },
    forceMiss: step.noCache, // --no-cache marks RUN and COPY/ADD IgnoreCache
    link: false,
    writes: {
      kind: 'run',
      paths: mentionedPaths(runText(ins), state.cwd),
      text: runText(ins),
      cwd: state.cwd,
    },
    content,
    error: content.errors[0] ?? null,
  });
}
