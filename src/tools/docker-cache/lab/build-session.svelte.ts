/**
 * Chained builds, as on a real machine: each builder keeps its own cache (R-STORE), so Build
 * then Rebuild compares against everything built before on that builder, until it is pruned.
 */
import { runBuild } from '../build';
import type { BuildInput } from '../build/input';
import type { BuilderName } from '../build/types';
import { emptyCache, type CacheStore } from '../build/cache-store';
import { toResult } from '../simulate';
import { buildReport, type BuildReport } from './build-report';

interface BuilderState {
  cache: CacheStore;
  /** The input of the last successful build, so the next one can say what changed. */
  last: BuildInput | null;
  report: BuildReport | null;
}

export interface BuildProblem {
  errors: string[];
  /** Only BuildKit can build this Dockerfile (e.g. RUN --mount with the classic builder). */
  needsBuildkit: boolean;
}

export class BuildSession {
  #builders = new Map<BuilderName, BuilderState>();
  /** Bumped on every build or prune, so `builds()` and `lastInput()` stay reactive. */
  #version = $state(0);

  /** The report the timeline shows (the last build, whichever builder ran it). */
  report = $state.raw<BuildReport | null>(null);
  problem = $state.raw<BuildProblem | null>(null);

  #state(builder: BuilderName): BuilderState {
    let state = this.#builders.get(builder);
    if (!state) {
      state = { cache: emptyCache(), last: null, report: null };
      this.#builders.set(builder, state);
    }
    return state;
  }

  /** Successful builds on this builder's cache since it was last pruned. */
  builds(builder: BuilderName): number {
    void this.#version;
    return this.#builders.get(builder)?.report?.number ?? 0;
  }

  lastInput(builder: BuilderName): BuildInput | null {
    void this.#version;
    return this.#builders.get(builder)?.last ?? null;
  }

  build(input: BuildInput, builder: BuilderName): BuildReport | null {
    const state = this.#state(builder);
    const cold = state.last === null;
    if (cold) state.cache = emptyCache();
    const run = runBuild(input, state.cache, {
      builder,
      ...(state.last && { previous: state.last }),
    });
    const result = toResult(builder, run);
    this.#version++;
    if (!result.ok) {
      this.problem = { errors: result.errors, needsBuildkit: result.needs_buildkit };
      this.report = null;
      return null;
    }
    const report = buildReport(result, {
      number: (state.report?.number ?? 0) + 1,
      cold,
      previous: state.report,
    });
    state.last = input;
    state.report = report;
    this.problem = null;
    this.report = report;
    return report;
  }

  /** Forget what a builder has built (`docker builder prune`); every builder when none is named. */
  prune(builder?: BuilderName): void {
    if (builder) this.#builders.delete(builder);
    else this.#builders.clear();
    this.#version++;
    if (!builder || this.report?.builder === builder) this.report = null;
    this.problem = null;
  }

  /** Reports the problem without building (e.g. the inputs do not validate). */
  fail(errors: string[]): void {
    this.problem = { errors, needsBuildkit: false };
    this.report = null;
  }
}
