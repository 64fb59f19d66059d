/**
 * The lesson's foil: depth-first search with chronological backtracking, the way resolvers worked
 * before conflict learning. It takes requirements in the order they are discovered, tries each
 * package's matching versions newest first, and on a conflict undoes the most recent choice, so the
 * same dead end can be rediscovered under every combination of unrelated earlier choices. It
 * counts versions tried and stops at a cap instead of running for hours.
 */
import { compileProblem, type CompiledProblem, type Requirement } from './compile';
import { containsRank } from './version-set';

export type NaiveStep =
  | {
      readonly type: 'try';
      readonly package: string;
      readonly version: string;
      readonly depth: number;
    }
  | {
      readonly type: 'conflict';
      readonly package: string;
      readonly version: string;
      /** The requirement the chosen version fails: `from` requires `package` `spec`. */
      readonly requirement: { readonly from: string; readonly spec: string };
    }
  | { readonly type: 'no-candidates'; readonly package: string }
  | { readonly type: 'backtrack'; readonly package: string; readonly depth: number }
  | { readonly type: 'trace-truncated'; readonly afterSteps: number }
  | { readonly type: 'solution'; readonly solution: Readonly<Record<string, string>> }
  | { readonly type: 'exhausted' }
  | { readonly type: 'gave-up'; readonly stepCount: number };

interface NaiveStats {
  /** Versions tried. */
  readonly stepCount: number;
  /** True when the cap stopped the search before it found an answer. */
  readonly gaveUp: boolean;
}

export type NaiveResult =
  | ({
      readonly ok: true;
      readonly solution: Record<string, string>;
      readonly steps: NaiveStep[];
    } & NaiveStats)
  | ({
      readonly ok: false;
      readonly explanation: string;
      readonly steps: NaiveStep[];
    } & NaiveStats);

export interface NaiveOptions {
  /** Versions to try before giving up. */
  readonly maxSteps?: number;
  /** Events kept in `steps`; the search goes on counting after that. */
  readonly maxTrace?: number;
}

interface Pending extends Requirement {
  readonly from: string;
}

interface Frame {
  readonly name: string;
  readonly candidates: readonly number[];
  next: number;
  /** Where the queue stood when this package was reached, to undo its versions' dependencies. */
  readonly cursor: number;
  readonly queued: number;
}

export function solveNaiveCompiled(
  problem: CompiledProblem,
  options: NaiveOptions = {},
): NaiveResult {
  const maxSteps = options.maxSteps ?? 100_000;
  const maxTrace = options.maxTrace ?? 10_000;
  const steps: NaiveStep[] = [];
  // The trace is capped (a long search makes millions of events); the outcome is always kept.
  const record = (step: NaiveStep) => {
    if (steps.length < maxTrace) steps.push(step);
    else if (steps.length === maxTrace) {
      steps.push({ type: 'trace-truncated', afterSteps: stepCount });
    }
  };
  const finish = (step: NaiveStep) => {
    steps.push(step);
  };
  const { root } = problem;
  const text = problem.versionText;
  const queue: Pending[] = problem.requirements.map((r) => ({ ...r, from: root.name }));
  const selected = new Map<string, number>([[root.name, root.rank]]);
  const frames: Frame[] = [];
  let cursor = 0;
  let stepCount = 0;

  for (;;) {
    // Walk the queue: requirements on chosen packages must hold; the first unchosen one is next.
    let blocked = false;
    let next: Pending | undefined;
    for (; cursor < queue.length; cursor++) {
      const req = queue[cursor];
      if (!req) continue;
      const chosen = selected.get(req.name);
      if (chosen === undefined) {
        next = req;
        break;
      }
      if (!containsRank(req.set, chosen)) {
        record({
          type: 'conflict',
          package: req.name,
          version: text(req.name, chosen),
          requirement: { from: req.from, spec: req.spec },
        });
        blocked = true;
        break;
      }
    }
    if (!blocked && !next) {
      const solution: Record<string, string> = {};
      for (const [name, rank] of selected)
        if (name !== root.name) solution[name] = text(name, rank);
      finish({ type: 'solution', solution: { ...solution } });
      return { ok: true, solution, steps, stepCount, gaveUp: false };
    }
    if (next) {
      const name = next.name;
      const pkg = problem.packages.get(name);
      // Versions that meet every requirement on the package known so far, newest first.
      const known = queue.slice(cursor).filter((r) => r.name === name);
      const candidates = (pkg?.ranks ?? [])
        .filter((rank) => !pkg?.unusable.has(rank) && known.every((r) => containsRank(r.set, rank)))
        .reverse();
      if (candidates.length === 0) record({ type: 'no-candidates', package: name });
      frames.push({ name, candidates, next: 0, cursor, queued: queue.length });
    }
    // Try the next version of the most recent package that still has one.
    for (;;) {
      const top = frames.at(-1);
      if (!top) {
        finish({ type: 'exhausted' });
        const explanation = `No combination of versions works: the search tried ${stepCount} versions and ran out of choices.`;
        return { ok: false, explanation, steps, stepCount, gaveUp: false };
      }
      selected.delete(top.name);
      queue.length = top.queued;
      cursor = top.cursor;
      const rank = top.candidates[top.next++];
      if (rank === undefined) {
        frames.pop();
        record({ type: 'backtrack', package: top.name, depth: frames.length });
        continue;
      }
      if (stepCount >= maxSteps) {
        finish({ type: 'gave-up', stepCount });
        const explanation = `Gave up after ${stepCount} steps (the cap) without finding a solution or proving there is none.`;
        return { ok: false, explanation, steps, stepCount, gaveUp: true };
      }
      stepCount++;
      record({
        type: 'try',
        package: top.name,
        version: text(top.name, rank),
        depth: frames.length,
      });
      selected.set(top.name, rank);
      const deps = problem.packages.get(top.name)?.deps.get(rank) ?? [];
      for (const dep of deps) queue.push({ ...dep, from: top.name });
      break;
    }
  }
}

/** Naive backtracking over a problem in the Resolver contract's format. */
export function solveNaive(problem: unknown, options: NaiveOptions = {}): NaiveResult {
  return solveNaiveCompiled(compileProblem(problem), options);
}
