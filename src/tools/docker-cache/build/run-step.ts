/**
 * Run one instruction of a stage: ask the builder for a plan, look its key up in the cache, move
 * the stage's filesystem on (R-CHAIN; COPY --link merges instead, R-LINK) and explain the result.
 */
import type { BuildInput } from './input';
import type { BuilderName, StepRecord } from './types';
import { buildkitStep } from './buildkit';
import { historyKey, type CacheStore } from './cache-store';
import { classicStep } from './classic';
import { explainLayer } from '../explain';
import type { ContextChanges } from '../explain/files';
import { digestOf } from './hash';
import type { Dockerfile, Instruction, Stage } from '../model';
import { resolveIn } from '../paths';
import type { SourceWorld } from './sources';
import type { Output, StageState } from './state';
import { keyOf, type KeyParts, type StepInput } from './plan';

export interface BuildSession {
  builder: BuilderName;
  cache: CacheStore;
  input: BuildInput;
  dockerfile: Dockerfile;
  world: SourceWorld;
  metaArgs: ReadonlyMap<string, string | undefined>;
  buildNo: number;
  coldCache: boolean;
  changes: ContextChanges | null;
  /** Key parts of this build's steps, added to the cache history when the build ends. */
  recorded: KeyParts[];
}

export type StepOutcome = Pick<
  StepRecord,
  'status' | 'reason' | 'parts' | 'content' | 'warmCacheMounts'
> & {
  /** Set when the build would stop here. */
  error: string | null;
};

export function runStep(
  session: BuildSession,
  stage: Stage,
  state: StageState,
  instruction: Exclude<Instruction, { keyword: 'FROM' }>,
  noCache: boolean,
): StepOutcome {
  const { cache, builder } = session;
  const step: StepInput = {
    instruction,
    stage,
    state,
    dockerfile: session.dockerfile,
    input: session.input,
    world: session.world,
    metaArgs: session.metaArgs,
    noCache,
  };
  const warmCacheMounts = cacheMountsWarm(session, instruction, state.cwd, noCache);
  const plan = builder === 'buildkit' ? buildkitStep(step) : classicStep(step);
  const none = { parts: null, content: null, warmCacheMounts, error: null };
  if (plan.kind === 'meta') return { ...none, status: 'meta', reason: `meta: ${plan.note}` };
  if (plan.error !== null) {
    const reason = `miss: the build would fail here: ${plan.error}`;
    return {
      ...none,
      status: 'miss',
      reason,
      parts: plan.parts,
      content: plan.content,
      error: plan.error,
    };
  }
  const chainIn = state.fs;
  const key = keyOf(plan.parts);
  const stored = cache.layers.get(key);
  const hit = !plan.forceMiss && stored !== undefined;
  const line = instruction.line;
  const own: Output = hit
    ? { id: stored, fresh: false, line, producer: 'step' }
    : { id: `b${session.buildNo}:${key}`, fresh: true, line, producer: 'step' };
  cache.layers.set(key, own.id);
  state.fs = plan.link
    ? {
        id: digestOf(['merge', chainIn.id, own.id]),
        fresh: chainIn.fresh || own.fresh,
        line,
        producer: 'step',
      }
    : own;
  if (plan.writes) state.writers.push({ ...plan.writes, output: own });
  const reason = explainLayer({
    builder,
    instruction,
    hit,
    forced: plan.forceMiss,
    parts: plan.parts,
    chainIn,
    previous: cache.history.get(historyKey(plan.parts)) ?? [],
    coldCache: session.coldCache,
    changes: session.changes,
  });
  session.recorded.push(plan.parts);
  return {
    status: hit ? 'hit' : 'miss',
    reason,
    parts: plan.parts,
    content: plan.content,
    warmCacheMounts,
    error: null,
  };
}

/**
 * A cache mount is warm when an earlier build filled it, unless --no-cache empties it
 * (R-MOUNT-CACHE); `sim_hints.cache_mount_warm` overrides. Marks the mounts as filled.
 */
function cacheMountsWarm(
  session: BuildSession,
  ins: Instruction,
  cwd: string,
  noCache: boolean,
): boolean {
  if (ins.keyword !== 'RUN') return false;
  const ids = ins.mounts
    .filter((m) => m.type === 'cache')
    .map((m) => m.options['id'] ?? resolveIn(cwd, m.options['target'] ?? ''));
  if (ids.length === 0) return false;
  const warm =
    session.input.cacheMountWarm ??
    (!noCache && ids.every((id) => session.cache.cacheMounts.has(id)));
  for (const id of ids) session.cache.cacheMounts.add(id);
  return warm;
}
