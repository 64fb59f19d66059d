/**
 * The FROM line of a stage (R-FROM): an image keyed by its resolved digest, or the result of an
 * earlier stage. Both builders report it as "hit" when the base is unchanged; --no-cache alone
 * never re-pulls (FROM stays CACHED), only --pull can bring a new digest.
 */
import type { BuildInput } from './input';
import type { BuilderName, StageStart } from './types';
import type { CacheStore } from './cache-store';
import { normalizeRef, resolveDigest, shortDigest, type BaseImageRefresh } from './images';
import type { Stage } from '../model';
import type { StageGraph } from './stage-graph';
import { cloneState, imageState, type Output, type StageState } from './state';

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

export type StageBegin = StageStart & {
  state: StageState;
  /** ONBUILD triggers of the base stage, to run before this stage's own instructions. */
  onbuild: string[];
};

/** The digest this build uses for `ref`; `pulled` records it in the builder's image store. */
export function imageDigestFor(
  world: Pick<FromWorld, 'cache' | 'input' | 'refresh'>,
  ref: string,
  pulled = false,
): string {
  const { input, cache } = world;
  const digest = resolveDigest(
    ref,
    input.baseImages,
    cache.images,
    input.flags.pull,
    world.refresh,
  );
  if (pulled) cache.images.set(normalizeRef(ref), digest);
  return digest;
}

export function startStage(stage: Stage, world: FromWorld): StageBegin {
  const base = world.graph.base[stage.index];
  if (base?.kind === 'stage') return fromStage(stage, base.index, world);
  const line = stage.from.line;
  const ref = base?.kind === 'image' ? base.ref : stage.from.image;
  const platform = world.graph.platform[stage.index] ?? null;
  if (ref.toLowerCase() === 'scratch') {
    const output: Output = { id: 'scratch', fresh: false, line, producer: 'image' };
    const state = withBase(imageState(output, platform, true));
    return {
      state,
      onbuild: [],
      output,
      status: 'hit',
      reason: 'hit: scratch is the empty image; there is nothing to pull',
    };
  }
  const name = normalizeRef(ref);
  const known = world.cache.images.get(name);
  const digest = imageDigestFor(world, ref, true);
  const key = `from:${name}@${digest}|${platform ?? ''}`;
  const hit = world.cache.layers.has(key);
  const output: Output = {
    id: `image:${digest}|${platform ?? ''}`,
    fresh: !hit,
    line,
    producer: 'image',
  };
  world.cache.layers.set(key, output.id);
  const state = withBase(imageState(output, platform, false));
  if (hit) {
    return {
      state,
      onbuild: [],
      output,
      status: 'hit',
      reason: `hit: ${ref} resolves to the same image (${shortDigest(digest)}) as before`,
    };
  }
  const pull = world.input.flags.pull ? ' after --pull' : '';
  const reason = world.coldCache
    ? `miss: first build, ${ref} is pulled`
    : known !== undefined && known !== digest
      ? `miss: ${ref} now resolves to a new digest (${shortDigest(known)} → ${shortDigest(digest)})${pull}`
      : `miss: ${ref} was never used by this builder before, so it is pulled`;
  return { state, onbuild: [], output, status: 'miss', reason };
}

function fromStage(stage: Stage, parentIndex: number, world: FromWorld): StageBegin {
  const parent = world.finalStates.get(parentIndex);
  const label = world.labelOf(parentIndex);
  if (parent === undefined) throw new Error(`stage ${label} was not built before ${stage.label}`);
  const output: Output = { ...parent.fs, line: stage.from.line, producer: 'stage' };
  const state = cloneState(parent, output);
  // Triggers run once, in the stage that starts FROM this one; they are not inherited further.
  const onbuild = state.onbuild;
  state.onbuild = [];
  return parent.fs.fresh
    ? {
        state,
        onbuild,
        output,
        status: 'miss',
        reason: `miss: stage ${label} was rebuilt, so this stage starts from a new result`,
      }
    : {
        state,
        onbuild,
        output,
        status: 'hit',
        reason: `hit: stage ${label} is unchanged, so this stage starts from its cached result`,
      };
}

function withBase(state: StageState): StageState {
  state.writers = [{ kind: 'base', paths: [], text: '', cwd: '/', output: state.fs }];
  return state;
}
