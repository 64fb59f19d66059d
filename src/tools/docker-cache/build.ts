/**
 * Run one build against a builder's cache: parse, pick the stages to build, walk every stage's
 * instructions in dependency order, and record hit/miss/meta/skipped with a reason for each.
 */
import type { BuildInput } from './build-input';
import type { BuilderName, BuildRun, StepRecord } from './build-types';
import { buildkitStep } from './buildkit';
import { historyKey, type CacheStore } from './cache-store';
import { classicStep, classicUnsupported } from './classic';
import { buildContext } from './context';
import { explainLayer } from './explain';
import type { ContextChanges } from './explain-files';
import { startStage, imageDigestFor, type FromWorld } from './from-step';
import { digestOf } from './hash';
import type { BaseImageRefresh } from './images';
import type { Instruction, Stage } from './model';
import { findStage, parseDockerfile } from './parse';
import { buildOrder, reachableStages, stageGraph, targetStage } from './stage-graph';
import type { SourceWorld } from './sources';
import type { Output, StageState } from './state';
import { keyOf, type KeyParts, type StepInput, type StepPlan } from './steps';

export interface BuildOptions {
  builder: BuilderName;
  refresh?: BaseImageRefresh;
  /** The previous build's input, so hits can say what changed without mattering. */
  previous?: BuildInput;
}

export function runBuild(input: BuildInput, cache: CacheStore, options: BuildOptions): BuildRun {
  const parsed = parseDockerfile(input.dockerfile);
  if (!parsed.ok)
    return { ok: false, errors: parsed.errors.map((e) => e.message), needsBuildkit: false };
  const dockerfile = parsed.dockerfile;
  const duplicate = dockerfile.warnings.find((w) => w.code === 'DuplicateStageName');
  if (duplicate) return { ok: false, errors: [duplicate.message], needsBuildkit: false };
  const { builder } = options;
  if (builder === 'classic') {
    const unsupported = classicUnsupported(dockerfile);
    if (unsupported) return { ok: false, errors: [unsupported], needsBuildkit: true };
  }
  const made = buildContext(input);
  if (!made.ok) return { ok: false, errors: made.errors, needsBuildkit: false };
  const context = made.context;
  const graph = stageGraph(dockerfile, input.buildArgs);
  const target = targetStage(dockerfile, input.target);
  if (typeof target === 'string') return { ok: false, errors: [target], needsBuildkit: false };
  const built =
    builder === 'buildkit'
      ? reachableStages(graph, target.index)
      : new Set(dockerfile.stages.filter((s) => s.index <= target.index).map((s) => s.index));
  const order = buildOrder(graph, built);
  if (order === null)
    return {
      ok: false,
      errors: ['the stages depend on each other in a cycle (COPY --from or FROM)'],
      needsBuildkit: false,
    };

  const coldCache = cache.builds === 0;
  cache.builds += 1;
  const buildNo = cache.builds;
  const finalStates = new Map<number, StageState>();
  const labelOf = (index: number) => dockerfile.stages[index]?.label ?? String(index);
  const fromWorld: FromWorld = {
    builder,
    cache,
    input,
    graph,
    refresh: options.refresh ?? 'on-pull',
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
    imageDigest: (ref) => imageDigestFor(fromWorld, ref),
  };
  const changes = options.previous
    ? contextChanges(options.previous, input, context.ignore.ignores)
    : null;
  const records = new Map<Instruction, StepRecord>();
  const recorded: KeyParts[] = [];
  const record = (
    ins: Instruction,
    stage: Stage | null,
    status: StepRecord['status'],
    reason: string,
    extra: Partial<StepRecord> = {},
  ) => {
    records.set(ins, {
      instruction: ins,
      stage,
      status,
      reason,
      parts: null,
      content: null,
      warmCacheMounts: false,
      ...extra,
    });
  };
  for (const arg of dockerfile.globalArgs)
    record(arg, null, 'meta', 'meta: an ARG before the first FROM only feeds FROM lines');

  let failure: { line: number; message: string } | null = null;
  const targetLabel = target.label;
  for (const index of order) {
    const stage = dockerfile.stages[index] as Stage;
    if (failure) break;
    const start = startStage(stage, fromWorld);
    record(stage.from, stage, start.status, start.reason);
    const state = start.state;
    const noCache = input.flags.noCache || input.flags.noCacheFilter.includes(stage.label);
    const warm = input.cacheMountWarm ?? (!coldCache && !noCache);
    for (const ins of stage.instructions) {
      if (ins.keyword === 'FROM') continue;
      const step: StepInput = {
        instruction: ins,
        stage,
        state,
        dockerfile,
        input,
        world,
        metaArgs: graph.metaArgs,
        noCache,
      };
      const plan: StepPlan = builder === 'buildkit' ? buildkitStep(step) : classicStep(step);
      if (plan.kind === 'meta') {
        record(ins, stage, 'meta', `meta: ${plan.note}`);
        continue;
      }
      if (plan.error !== null) {
        failure = { line: ins.line, message: `line ${ins.line}: ${plan.error}` };
        record(ins, stage, 'miss', `miss: the build would fail here: ${plan.error}`, {
          parts: plan.parts,
          content: plan.content,
        });
        break;
      }
      const chainIn = state.fs;
      const key = keyOf(plan.parts);
      const stored = cache.layers.get(key);
      const hit = !plan.forceMiss && stored !== undefined;
      const own: Output = hit
        ? { id: stored, fresh: false, line: ins.line, producer: 'step' }
        : { id: `b${buildNo}:${key}`, fresh: true, line: ins.line, producer: 'step' };
      cache.layers.set(key, own.id);
      state.fs = plan.link
        ? {
            id: digestOf(['merge', chainIn.id, own.id]),
            fresh: chainIn.fresh || own.fresh,
            line: ins.line,
            producer: 'step',
          }
        : own;
      if (plan.writes) state.writers.push({ ...plan.writes, output: own });
      const reason = explainLayer({
        builder,
        instruction: ins,
        hit,
        forced: plan.forceMiss,
        parts: plan.parts,
        chainIn,
        previous: cache.history.get(historyKey(plan.parts)) ?? [],
        coldCache,
        changes,
      });
      recorded.push(plan.parts);
      record(ins, stage, hit ? 'hit' : 'miss', reason, {
        parts: plan.parts,
        content: plan.content,
        warmCacheMounts: warm,
      });
    }
    finalStates.set(index, state);
  }
  for (const parts of recorded) {
    const bucket = cache.history.get(historyKey(parts)) ?? [];
    bucket.push(parts);
    cache.history.set(historyKey(parts), bucket);
  }
  for (const stage of dockerfile.stages) {
    for (const ins of stage.instructions) {
      if (records.has(ins)) continue;
      const why = failure
        ? `skipped: the build stops at line ${failure.line}`
        : builder === 'buildkit'
          ? `skipped: stage ${stage.label} is not needed for target ${targetLabel}`
          : `skipped: stage ${stage.label} comes after the target stage ${targetLabel}`;
      record(ins, stage, 'skipped', why);
    }
  }
  const ordered = dockerfile.instructions
    .map((ins) => records.get(ins))
    .filter((r): r is StepRecord => r !== undefined);
  const stagesBuilt = dockerfile.stages.filter((s) => built.has(s.index));
  return { ok: true, dockerfile, context, records: ordered, stagesBuilt, failure, coldCache };
}

function contextChanges(
  previous: BuildInput,
  input: BuildInput,
  ignored: (path: string) => boolean,
): ContextChanges {
  const before = new Map(previous.files);
  const after = new Map(input.files);
  before.set('Dockerfile', { content: previous.dockerfile, mode: '0644' });
  after.set('Dockerfile', { content: input.dockerfile, mode: '0644' });
  if (previous.dockerignore !== null)
    before.set('.dockerignore', { content: previous.dockerignore, mode: '0644' });
  if (input.dockerignore !== null)
    after.set('.dockerignore', { content: input.dockerignore, mode: '0644' });
  const changed = new Set<string>();
  for (const [path, file] of after) {
    const old = before.get(path);
    if (old === undefined || old.content !== file.content || old.mode !== file.mode)
      changed.add(path);
  }
  for (const path of before.keys()) if (!after.has(path)) changed.add(path);
  return { changed, touched: input.touched, ignored };
}
