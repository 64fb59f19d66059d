/**
 * What a stage carries from one instruction to the next: environment (ordered, as BuildKit's
 * EnvList), declared build args, user, working directory, shell, image config, and the current
 * filesystem (an output id). Outputs of cache hits keep their old id; a step that runs gets a new
 * one, so everything keyed on it misses too (R-CHAIN) and COPY --from can compare contents.
 */
import type { Lookup } from '../parse/expand';

export interface EnvEntry {
  name: string;
  value: string;
  from: 'env' | 'arg' | 'base';
  /** Line of the ENV/ARG that set it (0 for the base image). */
  line: number;
}

export interface Output {
  id: string;
  /** True when produced by running a step in this build (not restored from the cache). */
  fresh: boolean;
  /** Line of the instruction that produced it. */
  line: number;
  producer: 'image' | 'stage' | 'step';
}

/** A step that may have written files, for COPY --from / --mount from= fingerprints. */
export interface Writer {
  kind: 'base' | 'copy' | 'run' | 'workdir';
  /** Absolute paths it writes (COPY dest, WORKDIR) or mentions (RUN). */
  paths: string[];
  /** RUN command text, for path guesses. */
  text: string;
  cwd: string;
  output: Output;
}

export interface StageState {
  env: EnvEntry[];
  /** Build args declared in scope, with their value (null: declared without a value). */
  args: Map<string, { value: string | null; line: number }>;
  user: string | null;
  cwd: string;
  shell: string[];
  /** Image config fields the classic builder compares (labels, ports, cmd, ...). */
  config: Map<string, string>;
  fs: Output;
  writers: Writer[];
  onbuild: string[];
  platform: string | null;
}

export const defaultShell = ['/bin/sh', '-c'];
export const defaultPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function imageState(fs: Output, platform: string | null, scratch: boolean): StageState {
  return {
    env: scratch ? [] : [{ name: 'PATH', value: defaultPath, from: 'base', line: 0 }],
    args: new Map(),
    user: null,
    cwd: '/',
    shell: defaultShell,
    config: new Map(),
    fs,
    writers: [],
    onbuild: [],
    platform,
  };
}

export function cloneState(state: StageState, fs: Output): StageState {
  return {
    ...state,
    env: [...state.env],
    args: new Map(state.args),
    config: new Map(state.config),
    writers: [...state.writers],
    onbuild: [...state.onbuild],
    fs,
  };
}

/** BuildKit's EnvList.AddOrReplace: a re-set name moves to the end. */
export function setEnv(state: StageState, entry: EnvEntry): void {
  state.env = [...state.env.filter((e) => e.name !== entry.name), entry];
}

/** Variables an instruction may expand: ENV and in-scope ARG values. */
export function lookupIn(state: StageState): Lookup {
  return (name) => {
    const env = state.env.find((e) => e.name === name);
    if (env) return env.value;
    return state.args.get(name)?.value ?? undefined;
  };
}
