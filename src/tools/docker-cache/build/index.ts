/**
 * Run one build against a builder's cache: parse, pick the stages to build (R-STAGE-GRAPH), walk
 * every stage's instructions in dependency order, and record hit/miss/meta/skipped with a reason.
 */
import type { BuildInput } from './input';
import type { BuilderName, BuildRun, StepRecord } from './types';
import { runStep, type BuildSession } from './run-step';
import { historyKey, type CacheStore } from './cache-store';
import { classicUnsupported } from './classic';
import { buildContext } from '../context';
import { contextChanges } from '../explain/files';
import { imageDigestFor, startStage, type FromWorld } from './from-step';
import type { BaseImageRefresh } from './images';
import type { Instruction, Stage } from '../model';
import { findStage, parseDockerfile } from '../parse';
import { buildOrder, reachableStages, stageGraph, targetStage } from './stage-graph';
import type { SourceWorld } from './sources';
import type { StageState } from './state';

export interface BuildOptions {
  builder: BuilderName;
  refresh?: BaseImageRefresh;
  /** The previous build's input, so hits can say what changed without mattering. */
  previous?: BuildInput;
}

type Failure = { ok: false; errors: string[]; needsBuildkit: boolean };

function failed(errors: string[], needsBuildkit = false): Failure {
  return { ok: false, errors, needsBuildkit };
}

export function runBuild(input: BuildInput, cache: CacheStore, options: BuildOptions): BuildRun {
  const parsed = parseDockerfile(input.dockerfile);
  if (!parsed.ok) return failed(parsed.errors.map((e) => e.message));
  const dockerfile = parsed.dockerfile;
  const duplicate = dockerfile.warnings.find((w) => w.code === 'DuplicateStageName');
  if (duplicate) return failed([duplicate.message]);
  const { builder } = options;
  const unsupported = builder === 'classic' ? classicUnsupported(dockerfile) : null;
  if (unsupported) return failed([unsupported], true);
  const made = buildContext(input);
  if (!made.ok) return failed(made.errors);
  const context = made.context;
  const graph = stageGraph(dockerfile, input.buildArgs);
  const target = targetStage(dockerfile, input.target);
  if (typeof target === 'string') return failed([target]);
  const built =
    builder === 'buildkit'
      ? reachableStages(graph, target.index)
      : new Set(dockerfile.stages.filter((s) => s.index <= target.index).map((s) => s.index));
  const order = buildOrder(graph, built);
  if (order === null)
    return failed(['the stages depend on each other in a cycle (COPY --from or FROM)']);

  const coldCache = cache.builds === 0;
  cache.builds += 1;
  const finalStates = new Map<number, StageState>();
  const labelOf = (index: number) => dockerfile.stages[index]?.label ?? String(index);
  const refresh = options.refresh ?? 'on-pull';
  const fromWorld: FromWorld = {
    builder,
    cache,
    input,
    graph,
    refresh,
    coldCache,
    finalStates,
    labelOf,
  };
  const world: SourceWorld = {
    context,
    remote: input.remote,
    reproducible: input.reproducible,
    stageState(ref) {
      const stage = findStage(dockerfile, ref);
      const state = stage && finalStates.get(stage.index);
      return stage && state ? { label: stage.label, state } : undefined;
    },
    imageDigest: (ref) => imageDigestFor(fromWorld, ref, true),
  };
  const session: BuildSession = {
    builder,
    cache,
    input,
    dockerfile,
    world,
    metaArgs: graph.metaArgs,
    buildNo: cache.builds,
    coldCache,
    changes: options.previous
      ? contextChanges(options.previous, input, context.ignore.ignores)
      : null,
    recorded: [],
  };
  const records = new Map<Instruction, StepRecord>();
  const record = (
    ins: Instruction,
    stage: Stage | null,
    outcome: Pick<StepRecord, 'status' | 'reason'> & Partial<StepRecord>,
  ) => {
    records.set(ins, {
      instruction: ins,
      stage,
      parts: null,
      content: null,
      warmCacheMounts: false,
      ...outcome,
    });
  };
  for (const arg of dockerfile.globalArgs) {
    record(arg, null, {
      status: 'meta',
      reason: 'meta: an ARG before the first FROM only feeds FROM lines',
    });
  }

  let failure: { line: number; message: string } | null = null;
  for (const index of order) {
    const stage = dockerfile.stages[index];
    if (stage === undefined) continue;
    // --no-cache-filter is a BuildKit (buildx) flag; the classic builder has no such option.
    const filtered = builder === 'buildkit' && input.flags.noCacheFilter.includes(stage.label);
    const noCache = input.flags.noCache || filtered;
    const start = startStage(stage, fromWorld);
    const state = start.state;
    const triggers = runTriggers(session, stage, state, start.onbuild, noCache);
    record(stage.from, stage, triggers ?? start);
    for (const ins of stage.instructions) {
      if (ins.keyword === 'FROM') continue;
      const outcome = runStep(session, stage, state, ins, noCache);
      record(ins, stage, outcome);
      if (outcome.error !== null) {
        failure = { line: ins.line, message: `line ${ins.line}: ${outcome.error}` };
        break;
      }
    }
    if (failure) break;
    finalStates.set(index, state);
  }
  for (const parts of session.recorded) {
    const bucket = cache.history.get(historyKey(parts)) ?? [];
    bucket.push(parts);
    cache.history.set(historyKey(parts), bucket);
  }
  for (const stage of dockerfile.stages) {
    for (const ins of stage.instructions) {
      if (records.has(ins)) continue;
      const reason = failure
        ? `skipped: the build stops at line ${failure.line}`
        : builder === 'buildkit'
          ? `skipped: stage ${stage.label} is not needed for target ${target.label}`
          : `skipped: stage ${stage.label} comes after the target stage ${target.label}`;
      record(ins, stage, { status: 'skipped', reason });
    }
  }
  const ordered = dockerfile.instructions.flatMap((ins) => records.get(ins) ?? []);
  const stagesBuilt = dockerfile.stages.filter((s) => built.has(s.index));
  return { ok: true, dockerfile, context, records: ordered, stagesBuilt, failure, coldCache };
}

/**
 * ONBUILD triggers of the stage this one starts FROM run first, as part of its FROM line. Returns
 * the FROM outcome when a trigger ran again, else null.
 */
function runTriggers(
  session: BuildSession,
  stage: Stage,
  state: StageState,
  triggers: readonly string[],
  noCache: boolean,
): Pick<StepRecord, 'status' | 'reason'> | null {
  let missed: string | null = null;
  for (const trigger of triggers) {
    const parsed = parseDockerfile(`FROM scratch\n${trigger}\n`);
    const ins = parsed.ok ? parsed.dockerfile.instructions[1] : undefined;
    if (ins === undefined || ins.keyword === 'FROM') continue;
    const placed = {
      ...ins,
      line: stage.from.line,
      endLine: stage.from.line,
      textEndLine: stage.from.line,
      stage: stage.index,
    };
    const outcome = runStep(session, stage, state, placed, noCache);
    if (outcome.status === 'miss' && missed === null) missed = trigger;
  }
  return missed === null
    ? null
    : {
        status: 'miss',
        reason: `miss: the ONBUILD trigger \`${missed}\` from the base stage ran again`,
      };
}
