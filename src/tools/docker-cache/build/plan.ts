/**
 * What a builder decides for one instruction (a StepPlan), and helpers both builders share.
 * run-step.ts turns a plan into a cache lookup; buildkit.ts and classic.ts produce plans.
 */
import type { BuildInput } from './input';
import type { FileStamp } from '../context';
import { expand } from '../parse/expand';
import { digestOf } from './hash';
import type { Dockerfile, Instruction, KeyValueInstruction, Stage } from '../model';
import type { SourceContent, SourceWorld } from './sources';
import { lookupIn, setEnv, type EnvEntry, type StageState, type Writer } from './state';

/** Everything that makes up a cache key, kept apart so a miss can say which part changed. */
export interface KeyParts {
  kind: string;
  /** Output id of the parent filesystem; null for COPY --link (R-LINK). */
  chain: string | null;
  fields: Record<string, string>;
  env: EnvEntry[];
  files: Record<string, FileStamp>;
  inputs: Record<string, string>;
}

export function keyOf(parts: KeyParts): string {
  return digestOf([
    parts.kind,
    parts.chain,
    parts.fields,
    parts.env.map((e) => `${e.name}=${e.value}`),
    Object.entries(parts.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    Object.entries(parts.inputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ]);
}

export type StepPlan =
  | { kind: 'meta'; note: string }
  | {
      kind: 'layer';
      parts: KeyParts;
      forceMiss: boolean;
      link: boolean;
      writes: Omit<Writer, 'output'> | null;
      content: SourceContent | null;
      error: string | null;
    };

export interface StepInput {
  instruction: Exclude<Instruction, { keyword: 'FROM' }>;
  stage: Stage;
  state: StageState;
  dockerfile: Dockerfile;
  input: BuildInput;
  world: SourceWorld;
  /** Values of meta ARGs (before the first FROM). */
  metaArgs: ReadonlyMap<string, string | undefined>;
  /** --no-cache, or --no-cache-filter naming this stage. */
  noCache: boolean;
}

export function expander(step: StepInput): (text: string) => string {
  const lookup = lookupIn(step.state);
  return (text) => expand(text, lookup, step.dockerfile.escapeChar).value;
}

/**
 * Declare ARGs in a stage (R-ARG-SCOPE): --build-arg wins, then the default, then the global
 * default of a re-declared meta ARG. BuildKit also puts a valued ARG into the env of later RUNs,
 * unless an ENV already set that name (ENV always wins over ARG).
 */
export function declareArgs(step: StepInput, ins: KeyValueInstruction, intoEnv: boolean): void {
  const x = expander(step);
  for (const pair of ins.pairs) {
    const given = step.input.buildArgs[pair.name];
    const fallback = pair.value === null ? step.metaArgs.get(pair.name) : x(pair.value);
    const value = given ?? fallback;
    step.state.args.set(pair.name, { value: value ?? null, line: ins.line });
    const envSet = step.state.env.some((e) => e.name === pair.name && e.from === 'env');
    if (intoEnv && value !== undefined && !envSet) {
      setEnv(step.state, { name: pair.name, value, from: 'arg', line: ins.line });
    }
  }
}

export function setEnvPairs(step: StepInput, ins: KeyValueInstruction): string[] {
  const x = expander(step);
  const written: string[] = [];
  for (const pair of ins.pairs) {
    const value = x(pair.value ?? '');
    setEnv(step.state, { name: pair.name, value, from: 'env', line: ins.line });
    written.push(`${pair.name}=${value}`);
  }
  return written;
}

/** Record image-config changes (both builders keep them; the classic builder also keys on them). */
export function applyConfig(step: StepInput): string | null {
  const ins = step.instruction;
  const x = expander(step);
  switch (ins.keyword) {
    case 'LABEL':
      for (const pair of ins.pairs)
        step.state.config.set(`label:${x(pair.name)}`, x(pair.value ?? ''));
      return ins.pairs.map((p) => `${x(p.name)}=${x(p.value ?? '')}`).join(' ');
    case 'USER':
      step.state.user = x(ins.args);
      return step.state.user;
    case 'SHELL':
      if (ins.command.form === 'exec') step.state.shell = ins.command.argv;
      return ins.args;
    case 'ONBUILD':
      step.state.onbuild.push(ins.trigger);
      return ins.trigger;
    case 'EXPOSE':
    case 'VOLUME':
    case 'STOPSIGNAL': {
      const value = ins.values.map(x).join(' ');
      step.state.config.set(ins.keyword, value);
      return value;
    }
    case 'CMD':
    case 'ENTRYPOINT':
    case 'HEALTHCHECK':
    case 'MAINTAINER':
      step.state.config.set(ins.keyword, ins.args);
      return ins.args;
    default:
      return null;
  }
}

export function fileRecord(files: ReadonlyMap<string, FileStamp>): Record<string, FileStamp> {
  return Object.fromEntries(files);
}
