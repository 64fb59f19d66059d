/**
 * The FROM line of a stage (R-FROM): an image keyed by its resolved digest, or the result of an
 * earlier stage. Both builders report it as "hit" when the base is unchanged; it never runs under
 * --no-cache alone (FROM is still CACHED), only --pull can bring a new digest.
 */
import type { BuildInput } from './build-input';
import type { BuilderName, StageStart } from './build-types';
import type { CacheStore } from './cache-store';
import { normalizeRef, resolveDigest, shortDigest, type BaseImageRefresh } from './images';
import type { Stage } from './model';
import type { StageGraph } from './stage-graph';
import { cloneState, imageState, type StageState } from './state';

export interface FromWorld {
  builder: BuilderName;
  cache: CacheStore;
  input: BuildInput;
  graph: StageGraph;
  refresh: BaseImageRefresh;
  coldCache: boolean;
  finalStates: ReadonlyMap<number, StageState>;
  labelOf(index: number): string;
}

export function imageDigestFor(
  world: Pick<FromWorld, 'cache' | 'input' | 'refresh'>,
  ref: string,
): string {
  return resolveDigest(
    ref,
    world.input.baseImages,
    world.cache.images,
    world.input.flags.pull,
    world.refresh,
  );
}

export function startStage(stage: Stage, world: FromWorld): StageStart & { state: StageState } {
  const line = stage.from.line;
  const base = world.graph.base[stage.index];
  if (base?.kind === 'stage') {
    const parent = world.finalStates.get(base.index);
    const label = world.labelOf(base.index);
    if (parent === undefined) throw new Error(`stage ${label} was not built before ${stage.label}`);
    const output = { ...parent.fs, line, producer: 'stage' as const };
    const state = cloneState(parent, output);
    state.onbuild = [];
    return parent.fs.fresh
      ? {
          state,
          output,
          status: 'miss',
          reason: `miss: stage ${label} was rebuilt, so this stage starts from a new result`,
        }
      : {
          state,
          output,
          status: 'hit',
          reason: `hit: stage ${label} is unchanged, so this stage starts from its cached result`,
        };
  }
  const ref = base?.kind === 'image' ? base.ref : stage.from.image;
  const platform = world.graph.platform[stage.index] ?? null;
  if (ref.toLowerCase() === 'scratch') {
    const output = { id: 'scratch', fresh: false, line, producer: 'image' as const };
    return {
      state: withBase(imageState(output, platform, true)),
      output,
      status: 'hit',
      reason: 'hit: scratch is the empty image; there is nothing to pull',
    };
  }
  const name = normalizeRef(ref);
  const known = world.cache.images.get(name);
  const digest = imageDigestFor(world, ref);
  const key = `from:${name}@${digest}|${platform ?? ''}`;
  const hit = world.cache.layers.has(key);
  const output = {
    id: `image:${digest}|${platform ?? ''}`,
    fresh: !hit,
    line,
    producer: 'image' as const,
  };
  world.cache.layers.set(key, output.id);
  world.cache.images.set(name, digest);
  const state = withBase(imageState(output, platform, false));
  if (hit)
    return {
      state,
      output,
      status: 'hit',
      reason: `hit: ${ref} resolves to the same image (${shortDigest(digest)}) as before`,
    };
  const reason = world.coldCache
    ? `miss: first build, ${ref} is pulled`
    : known !== undefined && known !== digest
      ? `miss: ${ref} now resolves to a new digest (${shortDigest(known)} → ${shortDigest(digest)})${world.input.flags.pull ? ' after --pull' : ''}`
      : `miss: ${ref} was never used by this builder before, so it is pulled`;
  return { state, output, status: 'miss', reason };
}

function withBase(state: StageState): StageState {
  state.writers = [{ kind: 'base', paths: [], text: '', cwd: '/', output: state.fs }];
  return state;
}
