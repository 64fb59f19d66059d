/**
 * Seeded, generated resolver problems for the benchmark: a layered index where every package
 * depends on a few packages further down, with the required major version drifting with the
 * depender's version, so that newest-first choices collide and must be revised.
 */
import type { Problem } from './problem-schema';

/** A seed whose solvable problem needs dozens of conflicts resolved (seed 1 needs none). */
export const DEFAULT_BENCHMARK_SEED = 3;

export interface BenchmarkProblemOptions {
  readonly seed?: number;
  readonly packages?: number;
  readonly versionsPerPackage?: number;
}

/** mulberry32: small, fast, and the same sequence everywhere for a given seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const name = (i: number) => `p${String(i).padStart(3, '0')}`;
/** 30 versions: 1.0.0 … 3.9.0 (ten minors per major). */
const versionText = (k: number) => `${1 + Math.floor(k / 10)}.${k % 10}.0`;

interface Generated {
  readonly index: Problem['index'];
  readonly contested: string;
}

/**
 * Every package gets a hidden "good" major version; the versions in that major require the good
 * majors of their dependencies, the others require arbitrary majors. So a solution exists (every
 * package in its good major), but newest-first guesses keep running into conflicts.
 */
function generate(options: BenchmarkProblemOptions): Generated {
  const n = options.packages ?? 300;
  const v = options.versionsPerPackage ?? 30;
  const majors = Math.ceil(v / 10);
  const rand = random(options.seed ?? DEFAULT_BENCHMARK_SEED);
  const pick = (count: number) => Math.floor(rand() * count);
  const targets: number[][] = [];
  for (let i = 0; i < n; i++) {
    const set = new Set<number>();
    const count = i + 1 < n ? 1 + pick(3) : 0;
    for (let d = 0; d < count; d++) set.add(i + 1 + pick(Math.min(40, n - i - 1)));
    targets.push([...set].sort((a, b) => a - b));
  }
  const depths = reachable(targets, 0);
  const deepest = Math.max(...depths.values());
  const contested = [...depths].find(([, d]) => d === Math.max(1, Math.floor(deepest / 2)))?.[0];
  const good = targets.map((_, i) => (i === contested ? majors : 1 + pick(majors)));
  const index: Problem['index'] = {};
  for (let i = 0; i < n; i++) {
    const versions: Record<string, Record<string, string>> = {};
    for (let k = 0; k < v; k++) {
      const major = 1 + Math.floor(k / 10);
      const deps: Record<string, string> = {};
      for (const t of targets[i] ?? []) {
        const want = major === good[i] ? (good[t] ?? 1) : 1 + pick(majors);
        deps[name(t)] = `>=${want}.0.0,<${want + 1}.0.0`;
      }
      versions[versionText(k)] = deps;
    }
    index[name(i)] = versions;
  }
  return { index, contested: name(contested ?? n - 1) };
}

/** Depth of every package reachable from `start` (targets are the same for every version). */
function reachable(targets: readonly number[][], start: number): Map<number, number> {
  const depth = new Map([[start, 0]]);
  const queue = [start];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const dep of targets[next] ?? []) {
      if (!depth.has(dep)) {
        depth.set(dep, (depth.get(next) ?? 0) + 1);
        queue.push(dep);
      }
    }
  }
  return depth;
}

export interface BenchmarkProblems {
  readonly solvable: Problem;
  /**
   * Unsatisfiable: a package deep below p000 is needed at >=3.0.0 by every depender, and the root
   * also needs `legacy`, whose every version needs it below 3.0.0.
   */
  readonly failing: Problem;
  /** The deep package the failing case fights over. */
  readonly contested: string;
}

export function generateBenchmarkProblems(
  options: BenchmarkProblemOptions = {},
): BenchmarkProblems {
  const { index, contested } = generate(options);
  const requires = { p000: '', p001: '', p002: '', p003: '', p004: '' };
  const root = { name: 'app', version: '1.0.0' };
  const failingIndex: Problem['index'] = {};
  for (const [pkg, versions] of Object.entries(index)) {
    failingIndex[pkg] = Object.fromEntries(
      Object.entries(versions).map(([version, deps]) => [
        version,
        contested in deps ? { ...deps, [contested]: '>=3.0.0' } : deps,
      ]),
    );
  }
  const legacyVersions = Object.keys(index['p000'] ?? {});
  failingIndex['legacy'] = Object.fromEntries(
    legacyVersions.map((version) => [version, { [contested]: '<3.0.0' }]),
  );
  return {
    solvable: { root, requires, index },
    failing: { root, requires: { ...requires, legacy: '' }, index: failingIndex },
    contested,
  };
}
