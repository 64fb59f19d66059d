/**
 * PubGrub against the naive backtracker on a generated index (bench-problems.ts): 300 packages
 * with 30 versions each, one solvable and one unsatisfiable problem. Times are wall-clock medians
 * of whole `solve` calls (validation included), after one untimed PubGrub run. When the naive search hits its step cap the ratio
 * is only a lower bound, and the table says so.
 *
 *     npx tsx scripts/bench/resolver.ts [--seed N] [--runs N] [--naive-runs N] [--max-steps N]
 */
import {
  DEFAULT_BENCHMARK_SEED,
  generateBenchmarkProblems,
  type BenchmarkProblemOptions,
} from '../../src/tools/resolver/bench-problems';
import { solveNaive } from '../../src/tools/resolver/naive';
import type { Problem } from '../../src/tools/resolver/problem-schema';
import { solve } from '../../src/tools/resolver/solver';

export interface BenchmarkOptions extends BenchmarkProblemOptions {
  /** PubGrub runs per case (the median is reported). */
  readonly runs?: number;
  readonly naiveRuns?: number;
  /** The naive search's step cap. */
  readonly naiveMaxSteps?: number;
}

export interface CaseFigures {
  readonly name: 'solvable' | 'failing';
  readonly pubgrub: {
    readonly medianMs: number;
    readonly ok: boolean;
    readonly decisions: number;
    readonly conflicts: number;
  };
  readonly naive: {
    readonly medianMs: number;
    readonly ok: boolean;
    readonly gaveUp: boolean;
    readonly steps: number;
  };
  /** naive median / PubGrub median; a lower bound when the naive search gave up. */
  readonly ratio: number;
}

export interface BenchmarkFigures {
  readonly seed: number;
  readonly packages: number;
  readonly versionsPerPackage: number;
  readonly runs: number;
  readonly naiveRuns: number;
  readonly naiveMaxSteps: number;
  readonly cases: readonly CaseFigures[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function measure(
  name: CaseFigures['name'],
  problem: Problem,
  options: Required<BenchmarkOptions>,
): CaseFigures {
  solve(problem); // untimed warm-up, so the JIT compiles the solver before the clock runs
  const pubgrubRuns = Array.from({ length: options.runs }, () => timed(() => solve(problem)));
  const naiveRuns = Array.from({ length: options.naiveRuns }, () =>
    timed(() => solveNaive(problem, { maxSteps: options.naiveMaxSteps })),
  );
  const last = pubgrubRuns.at(-1)?.value;
  const lastNaive = naiveRuns.at(-1)?.value;
  const pubgrubMs = median(pubgrubRuns.map((r) => r.ms));
  const naiveMs = median(naiveRuns.map((r) => r.ms));
  return {
    name,
    pubgrub: {
      medianMs: pubgrubMs,
      ok: last?.ok ?? false,
      decisions: last?.steps.filter((s) => s.type === 'decision').length ?? 0,
      conflicts: last?.steps.filter((s) => s.type === 'conflict').length ?? 0,
    },
    naive: {
      medianMs: naiveMs,
      ok: lastNaive?.ok ?? false,
      gaveUp: lastNaive?.gaveUp ?? false,
      steps: lastNaive?.stepCount ?? 0,
    },
    ratio: naiveMs / pubgrubMs,
  };
}

export function runResolverBenchmark(options: BenchmarkOptions = {}): BenchmarkFigures {
  const settings: Required<BenchmarkOptions> = {
    seed: options.seed ?? DEFAULT_BENCHMARK_SEED,
    packages: options.packages ?? 300,
    versionsPerPackage: options.versionsPerPackage ?? 30,
    runs: options.runs ?? 7,
    naiveRuns: options.naiveRuns ?? 3,
    naiveMaxSteps: options.naiveMaxSteps ?? 1_000_000,
  };
  const problems = generateBenchmarkProblems(settings);
  return {
    seed: settings.seed,
    packages: settings.packages,
    versionsPerPackage: settings.versionsPerPackage,
    runs: settings.runs,
    naiveRuns: settings.naiveRuns,
    naiveMaxSteps: settings.naiveMaxSteps,
    cases: [
      measure('solvable', problems.solvable, settings),
      measure('failing', problems.failing, settings),
    ],
  };
}

function cell(text: string, width: number): string {
  return text.padEnd(width);
}

export function formatBenchmarkTable(figures: BenchmarkFigures): string {
  const header = [
    `Resolver benchmark: ${figures.packages} packages x ${figures.versionsPerPackage} versions (seed ${figures.seed})`,
    `Median wall-clock time of ${figures.runs} PubGrub runs and ${figures.naiveRuns} naive runs (step cap ${figures.naiveMaxSteps}).`,
    '',
  ];
  const rows = [['case', 'PubGrub', 'naive backtracking', 'naive / PubGrub']];
  for (const c of figures.cases) {
    const p = c.pubgrub;
    const n = c.naive;
    const pubgrub = `${p.ok ? 'solved' : 'no solution'} in ${p.medianMs.toFixed(1)} ms (${p.decisions} decisions, ${p.conflicts} conflicts)`;
    const outcome = n.gaveUp
      ? `gave up after ${n.steps} steps`
      : `${n.ok ? 'solved' : 'no solution'} after ${n.steps} steps`;
    const ratio = `${n.gaveUp ? '>= ' : ''}${c.ratio.toFixed(1)}x`;
    rows.push([c.name, pubgrub, `${outcome} in ${n.medianMs.toFixed(1)} ms`, ratio]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((c, i) => cell(c, (widths[i] ?? 0) + 2))
      .join('')
      .trimEnd(),
  );
  const notes = figures.cases.some((c) => c.naive.gaveUp)
    ? ['', '">=": the naive search stopped at its cap, so its real time is longer.']
    : [];
  return [...header, ...lines, ...notes].join('\n');
}

function numberOption(argv: readonly string[], flag: string): number | undefined {
  const i = argv.indexOf(flag);
  if (i === -1) return undefined;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag} needs a positive whole number`);
  return value;
}

const invokedDirectly =
  /[\\/]resolver\.ts$/.test(process.argv[1] ?? '') &&
  import.meta.url.endsWith('/bench/resolver.ts');

if (invokedDirectly) {
  const argv = process.argv.slice(2);
  const figures = runResolverBenchmark({
    seed: numberOption(argv, '--seed'),
    runs: numberOption(argv, '--runs'),
    naiveRuns: numberOption(argv, '--naive-runs'),
    naiveMaxSteps: numberOption(argv, '--max-steps'),
  });
  console.log(formatBenchmarkTable(figures));
}
