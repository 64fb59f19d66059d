/**
 * Stages and how they depend on each other (R-STAGE-GRAPH): FROM <stage>, COPY --from=<stage> and
 * RUN --mount=from=<stage>. BuildKit builds the target and what it reaches; the classic builder
 * builds every stage up to the target, in order.
 */
import { expand } from '../parse/expand';
import type { Dockerfile, Stage } from '../model';
import { findStage, lastStage } from '../parse';

export type BaseRef = { kind: 'stage'; index: number } | { kind: 'image'; ref: string };

export interface StageGraph {
  /** Values of ARGs declared before the first FROM (build args win over defaults). */
  metaArgs: Map<string, string | undefined>;
  base: BaseRef[];
  /** Expanded FROM --platform per stage. */
  platform: Array<string | null>;
  deps: Array<Set<number>>;
}

/** BuildKit's automatic platform args, usable in FROM without declaring them. */
const automaticArgs: Record<string, string> = {
  BUILDPLATFORM: 'linux/amd64',
  TARGETPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
};

export function metaArgValues(dockerfile: Dockerfile, buildArgs: Readonly<Record<string, string>>) {
  const values = new Map<string, string | undefined>();
  const lookup = (name: string) => values.get(name) ?? automaticArgs[name];
  for (const arg of dockerfile.globalArgs) {
    for (const pair of arg.pairs) {
      const given = buildArgs[pair.name];
      const fallback =
        pair.value === null ? undefined : expand(pair.value, lookup, dockerfile.escapeChar).value;
      values.set(pair.name, given ?? fallback);
    }
  }
  return { values, lookup };
}

export function stageGraph(
  dockerfile: Dockerfile,
  buildArgs: Readonly<Record<string, string>>,
): StageGraph {
  const { values, lookup } = metaArgValues(dockerfile, buildArgs);
  const expandMeta = (text: string) => expand(text, lookup, dockerfile.escapeChar).value;
  const base: BaseRef[] = [];
  const platform: Array<string | null> = [];
  const deps: Array<Set<number>> = [];
  for (const stage of dockerfile.stages) {
    const image = expandMeta(stage.from.image);
    const earlier = dockerfile.stages.find(
      (s) => s.index < stage.index && s.name === image.toLowerCase(),
    );
    base.push(earlier ? { kind: 'stage', index: earlier.index } : { kind: 'image', ref: image });
    platform.push(stage.from.platform === null ? null : expandMeta(stage.from.platform));
    const stageDeps = new Set<number>(earlier ? [earlier.index] : []);
    for (const ref of stageRefs(stage)) {
      const found = findStage(dockerfile, expandMeta(ref));
      if (found) stageDeps.add(found.index);
    }
    deps.push(stageDeps);
  }
  return { metaArgs: values, base, platform, deps };
}

/** `--from` values of COPY and RUN --mount in a stage (as written). */
export function stageRefs(stage: Stage): string[] {
  const refs: string[] = [];
  for (const ins of stage.instructions) {
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from !== null) refs.push(ins.from);
    if (ins.keyword === 'RUN') {
      for (const mount of ins.mounts) if (mount.options['from']) refs.push(mount.options['from']);
    }
  }
  return refs;
}

export function targetStage(dockerfile: Dockerfile, target: string | null): Stage | string {
  if (target === null) return lastStage(dockerfile);
  return (
    findStage(dockerfile, target) ?? `target stage "${target}" is not defined in the Dockerfile`
  );
}

/** Stages the target needs, itself included. */
export function reachableStages(graph: StageGraph, target: number): Set<number> {
  const seen = new Set<number>();
  const visit = (index: number) => {
    if (seen.has(index)) return;
    seen.add(index);
    for (const dep of graph.deps[index] ?? []) visit(dep);
  };
  visit(target);
  return seen;
}

/** Dependencies first; null when stages depend on each other in a cycle. */
export function buildOrder(graph: StageGraph, stages: ReadonlySet<number>): number[] | null {
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (index: number): boolean => {
    const seen = state.get(index);
    if (seen === 'done') return true;
    if (seen === 'visiting') return false;
    state.set(index, 'visiting');
    for (const dep of graph.deps[index] ?? []) if (stages.has(dep) && !visit(dep)) return false;
    state.set(index, 'done');
    order.push(index);
    return true;
  };
  for (const index of [...stages].sort((a, b) => a - b)) if (!visit(index)) return null;
  return order;
}
