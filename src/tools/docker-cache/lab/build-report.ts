/**
 * What the timeline shows for one build: its steps grouped into stage lanes, the first layer
 * that broke the cache, and the estimated time the cache saved (or a change cost) compared with
 * a cold build and with the previous build.
 */
import type { BuilderName } from '../build/types';
import type { StepStatus } from '../scenario';
import type { SimulationResult, SimulationStep } from '../simulate';

export interface ReportStep extends SimulationStep {
  /** Position in the Dockerfile's instruction order. */
  index: number;
  /** The first miss of a rebuild: where the cache broke. */
  firstBreak: boolean;
}

export interface StageLane {
  /** The stage label as results name it (alias or index); null for ARGs before the first FROM. */
  stage: string | null;
  /** The FROM line, or a description for global ARGs. */
  title: string;
  built: boolean;
  /** 'cached' when every step was a hit, 'ran' when any step missed, 'skipped' when not built. */
  outcome: 'cached' | 'ran' | 'skipped' | 'config';
  steps: ReportStep[];
}

export interface BuildReport {
  builder: BuilderName;
  /** 1 for the first build on this builder's cache, then 2, 3, ... */
  number: number;
  /** The cache was empty: every step ran, so nothing "broke". */
  cold: boolean;
  lanes: StageLane[];
  counts: Record<StepStatus, number>;
  firstBreak: ReportStep | null;
  /** Estimated time this build spent running steps. */
  seconds: number;
  /** What the built stages would take with an empty cache. */
  coldSeconds: number;
  /** coldSeconds - seconds: what the cache saved. */
  savedSeconds: number;
  /** seconds minus the previous build's seconds (null for the first build). */
  deltaSeconds: number | null;
  bytes: number;
  failure: { line: number; message: string } | null;
  warnings: string[];
}

type Finished = Extract<SimulationResult, { ok: true }>;

const round = (seconds: number) => Math.round(seconds * 10) / 10;

export function buildReport(
  result: Finished,
  context: { number: number; cold: boolean; previous: BuildReport | null },
): BuildReport {
  const firstMiss = context.cold ? -1 : result.steps.findIndex((step) => step.status === 'miss');
  const steps = result.steps.map((step, index): ReportStep => ({
    ...step,
    index,
    firstBreak: index === firstMiss,
  }));
  const counts: Record<StepStatus, number> = { hit: 0, miss: 0, meta: 0, skipped: 0 };
  for (const step of steps) counts[step.status]++;
  const coldSeconds = round(
    steps
      .filter((step) => step.status === 'hit' || step.status === 'miss')
      .reduce((sum, step) => sum + step.estimate.miss_seconds, 0),
  );
  const seconds = round(result.totals.seconds);
  return {
    builder: result.builder,
    number: context.number,
    cold: context.cold,
    lanes: lanesOf(steps, result.stages_built),
    counts,
    firstBreak: steps[firstMiss] ?? null,
    seconds,
    coldSeconds,
    savedSeconds: round(Math.max(0, coldSeconds - seconds)),
    deltaSeconds: context.previous ? round(seconds - context.previous.seconds) : null,
    bytes: result.totals.bytes,
    failure: result.failure,
    warnings: result.warnings,
  };
}

function lanesOf(steps: ReportStep[], built: readonly string[]): StageLane[] {
  const lanes: StageLane[] = [];
  for (const step of steps) {
    let lane = lanes.find((candidate) => candidate.stage === step.stage);
    if (!lane) {
      lane = {
        stage: step.stage,
        title: step.stage === null ? 'Build args before the first FROM' : step.instruction,
        built: step.stage !== null && built.includes(step.stage),
        outcome: 'skipped',
        steps: [],
      };
      lanes.push(lane);
    }
    lane.steps.push(step);
  }
  for (const lane of lanes) {
    lane.outcome =
      lane.stage === null
        ? 'config'
        : !lane.built
          ? 'skipped'
          : lane.steps.some((step) => step.status === 'miss')
            ? 'ran'
            : 'cached';
  }
  return lanes;
}
