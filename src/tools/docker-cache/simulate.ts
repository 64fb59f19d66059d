/**
 * `simulate(scenario, {builder})`: run the scenario's first build on an empty cache, then the
 * second build on what the first left behind, and report one step per instruction of the second
 * build (DESIGN.md "Docker-cache contract"). `mode: 'first-build'` reports the cold first build.
 */
import { scenarioBuilds } from './build/input';
import type { BuilderName, BuildRun } from './build/types';
import { runBuild } from './build';
import { emptyCache } from './build/cache-store';
import { estimateSteps, type StepEstimate } from './explain/estimate';
import type { BaseImageRefresh } from './build/images';
import type { Scenario, StepStatus } from './scenario';

export interface SimulateOptions {
  builder?: BuilderName;
  /** 'rebuild' (default): the second build. 'first-build': the first build on a cold cache. */
  mode?: 'rebuild' | 'first-build';
  /** Whether a tag that moved upstream is noticed without --pull (spec §14); default 'on-pull'. */
  baseImageRefresh?: BaseImageRefresh;
}

export interface SimulationStep {
  /** Stage name (or index) the instruction belongs to; null for an ARG before the first FROM. */
  stage: string | null;
  /** The instruction, whitespace-collapsed. */
  instruction: string;
  /** 1-based line in the Dockerfile. */
  line: number;
  status: StepStatus;
  reason: string;
  estimate: StepEstimate;
}

export type SimulationResult =
  | {
      ok: true;
      builder: BuilderName;
      steps: SimulationStep[];
      /** Stages that execute in this build, in Dockerfile order. */
      stages_built: string[];
      /** Set when the build would stop with an error (e.g. a COPY source is missing). */
      failure: { line: number; message: string } | null;
      totals: { seconds: number; bytes: number };
      warnings: string[];
    }
  | {
      ok: false;
      builder: BuilderName;
      errors: string[];
      /** True when only BuildKit can build this Dockerfile (scenario `expect_legacy: null`). */
      needs_buildkit: boolean;
    };

export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const builder = options.builder ?? 'buildkit';
  const { before, after, warnings } = scenarioBuilds(scenario);
  if (builder === 'classic' && after.flags.noCacheFilter.length > 0) {
    warnings.push('the classic builder has no --no-cache-filter; it is ignored');
  }
  const cache = emptyCache();
  const refresh = options.baseImageRefresh ?? 'on-pull';
  const first = runBuild(before, cache, { builder, refresh });
  if (options.mode === 'first-build') return toResult(builder, first, warnings);
  if (!first.ok) {
    const prefix = scenario.dockerfile_after === undefined ? '' : 'first build: ';
    return {
      ok: false,
      builder,
      errors: first.errors.map((e) => prefix + e),
      needs_buildkit: first.needsBuildkit,
    };
  }
  return toResult(
    builder,
    runBuild(after, cache, { builder, refresh, previous: before }),
    warnings,
  );
}

export function toResult(
  builder: BuilderName,
  run: BuildRun,
  warnings: string[] = [],
): SimulationResult {
  if (!run.ok) return { ok: false, builder, errors: run.errors, needs_buildkit: run.needsBuildkit };
  const estimates = estimateSteps(run);
  const steps = run.records.map((r, i) => ({
    stage: r.stage?.label ?? null,
    instruction: r.instruction.text,
    line: r.instruction.line,
    status: r.status,
    reason: r.reason,
    estimate: estimates[i] ?? { seconds: 0, miss_seconds: 0, bytes: 0 },
  }));
  const totals = {
    seconds: Math.round(steps.reduce((sum, s) => sum + s.estimate.seconds, 0) * 10) / 10,
    bytes: steps.reduce((sum, s) => sum + (s.status === 'skipped' ? 0 : s.estimate.bytes), 0),
  };
  return {
    ok: true,
    builder,
    steps,
    stages_built: run.stagesBuilt.map((s) => s.label),
    failure: run.failure,
    totals,
    warnings,
  };
}
