import { compileProblem, type CompiledProblem } from './compile';
import { Describer } from './describe';
import { Incompatibility, normaliseDerivedTerms } from './incompatibility';
import { PackageSource } from './package-source';
import { PartialSolution, type Assignment } from './partial-solution';
import { RangeFormatter } from './range-format';
import { writeReport } from './report';
import { StepRecorder } from './step-recorder';
import type { SolverStep } from './steps';
import { differenceTerms, inverse, term, type Term } from './term';
import { exactly, FULL_SET, ranksIn } from './version-set';

export type SolveResult =
  | { readonly ok: true; readonly solution: Record<string, string>; readonly steps: SolverStep[] }
  | { readonly ok: false; readonly explanation: string; readonly steps: SolverStep[] };

export interface SolveOptions {
  /** Attach the whole partial solution to every step (bigger output; for debugging and tests). */
  readonly snapshots?: boolean;
}

class Unsatisfiable extends Error {
  readonly incompatibility: Incompatibility;
  constructor(incompatibility: Incompatibility) {
    super('version solving failed');
    this.incompatibility = incompatibility;
  }
}

/** PubGrub (pubgrub.md §5–8), with pub's heuristics and tie-breaking so answers are reproducible. */
class PubGrubSolver {
  readonly #problem: CompiledProblem;
  readonly #rootName: string;
  readonly #solution = new PartialSolution();
  readonly #byPackage = new Map<string, Incompatibility[]>();
  readonly #source: PackageSource;
  readonly #describer: Describer;
  readonly #recorder: StepRecorder;
  /** Version counts of candidate terms; a term object is replaced whenever its package changes. */
  readonly #counts = new WeakMap<Term, number>();
  /**
   * Incompatibilities known to be contradicted, with the decision level at which that was seen
   * (pubgrub-rs does the same): they stay contradicted until a backjump below that level, and
   * skipping them saves most of the relation checks during propagation.
   */
  readonly #contradicted = new Map<Incompatibility, number>();
  #nextId = 1;

  constructor(problem: CompiledProblem, options: SolveOptions) {
    this.#problem = problem;
    this.#rootName = problem.root.name;
    this.#source = new PackageSource(problem, () => this.#nextId++);
    const ranges = new RangeFormatter(problem.catalog, problem.knownRanks, problem.versionText);
    const rootVersion = problem.problem.root.version;
    this.#describer = new Describer(
      ranges,
      { name: this.#rootName, version: rootVersion },
      (name) => problem.knownRanks(name).length,
    );
    this.#recorder = new StepRecorder(
      this.#describer,
      {
        text: (name, rank) => this.#versionText(name, rank),
        listed: (name, set) =>
          ranksIn(set, problem.knownRanks(name)).map((rank) => this.#versionText(name, rank)),
      },
      options.snapshots ? this.#solution : null,
    );
  }

  #versionText(name: string, rank: number): string {
    return this.#problem.versionText(name, rank);
  }

  solve(): SolveResult {
    const { root } = this.#problem;
    const rootFact = new Incompatibility(
      this.#nextId++,
      [term(root.name, false, exactly(root.rank))],
      {
        kind: 'root',
      },
    );
    this.#add(rootFact, 'incompatibility');
    try {
      for (let next: string | null = root.name; next !== null; next = this.#decide()) {
        this.#propagate(next);
      }
    } catch (error) {
      if (!(error instanceof Unsatisfiable)) throw error;
      const explanation = writeReport(error.incompatibility, this.#describer);
      const { attempts } = this.#solution;
      this.#recorder.push({
        type: 'failure',
        incompatibility: error.incompatibility.id,
        explanation,
        attempts,
      });
      return { ok: false, explanation, steps: this.#recorder.steps };
    }
    const solution: Record<string, string> = {};
    for (const [name, rank] of this.#solution.decisions) {
      if (name !== root.name) solution[name] = this.#versionText(name, rank);
    }
    const { attempts } = this.#solution;
    this.#recorder.push({ type: 'solution', solution: { ...solution }, attempts });
    return { ok: true, solution, steps: this.#recorder.steps };
  }

  #add(inc: Incompatibility, as: 'incompatibility' | 'learned'): void {
    for (const t of inc.terms) {
      const list = this.#byPackage.get(t.name);
      if (list) list.push(inc);
      else this.#byPackage.set(t.name, [inc]);
    }
    this.#recorder.push({ type: as, incompatibility: this.#recorder.incompatibility(inc) });
  }

  /** Unit propagation (§6): derive what the incompatibilities force, newest first. */
  #propagate(start: string): void {
    const changed = new Set([start]);
    while (changed.size > 0) {
      const pkg = changed.values().next().value ?? '';
      changed.delete(pkg);
      const list = this.#byPackage.get(pkg) ?? [];
      for (let i = list.length - 1; i >= 0; i--) {
        const inc = list[i];
        if (!inc) continue;
        const result = this.#propagateOne(inc);
        if (result === 'conflict') {
          const rootCause = this.#resolveConflict(inc);
          changed.clear();
          const derived = this.#propagateOne(rootCause);
          if (typeof derived === 'string') {
            throw new Error(
              '[bug] a learned incompatibility was not almost satisfied after backjumping',
            );
          }
          changed.add(derived.name);
          break;
        }
        if (result !== 'none') changed.add(result.name);
      }
    }
  }

  /** A conflict, nothing, or the term whose negation was just derived. */
  #propagateOne(inc: Incompatibility): 'conflict' | 'none' | Term {
    if (this.#contradicted.has(inc)) return 'none';
    let unsatisfied: Term | null = null;
    for (const t of inc.terms) {
      const rel = this.#solution.relation(t);
      if (rel === 'disjoint') {
        this.#contradicted.set(inc, this.#solution.decisionLevel);
        return 'none';
      }
      if (rel === 'overlapping') {
        if (unsatisfied) return 'none';
        unsatisfied = t;
      }
    }
    if (!unsatisfied) return 'conflict';
    const a = this.#solution.derive(inverse(unsatisfied), inc);
    this.#recorder.push({
      type: 'derivation',
      assignment: this.#recorder.assignment(a),
      cause: inc.id,
      causeText: this.#recorder.incompatibility(inc).text,
    });
    return unsatisfied;
  }

  /** Conflict resolution (§7): learn the root cause and backjump to where it propagates. */
  #resolveConflict(start: Incompatibility): Incompatibility {
    this.#recorder.push({
      type: 'conflict',
      incompatibility: start.id,
      text: this.#recorder.incompatibility(start).text,
    });
    let inc = start;
    let learned = false;
    while (!inc.isFailure(this.#rootName)) {
      let recentTerm: Term | null = null;
      let recent: Assignment | null = null;
      let diff: Term | null = null;
      // Level 1 is the root decision; stopping there keeps the root at the end of proofs.
      let previousLevel = 1;
      for (const t of inc.terms) {
        const satisfier = this.#solution.satisfier(t);
        if (!recent) {
          recentTerm = t;
          recent = satisfier;
        } else if (recent.index < satisfier.index) {
          previousLevel = Math.max(previousLevel, recent.level);
          recentTerm = t;
          recent = satisfier;
          diff = null;
        } else {
          previousLevel = Math.max(previousLevel, satisfier.level);
        }
        if (recentTerm === t) {
          // A satisfier that only satisfies the term together with earlier assignments (partial).
          diff = differenceTerms(recent.term, t);
          if (diff)
            previousLevel = Math.max(previousLevel, this.#solution.satisfier(inverse(diff)).level);
        }
      }
      if (!recent || !recentTerm) throw new Error('[bug] conflict with no terms');
      if (previousLevel < recent.level || recent.cause === null) {
        const fromLevel = this.#solution.decisionLevel;
        this.#solution.backtrack(previousLevel);
        for (const [known, level] of this.#contradicted) {
          if (level > previousLevel) this.#contradicted.delete(known);
        }
        this.#recorder.push({
          type: 'backjump',
          fromLevel,
          toLevel: previousLevel,
          keep: this.#solution.assignments.length,
        });
        if (learned) this.#add(inc, 'learned');
        return inc;
      }
      const cause = recent.cause;
      const terms: Term[] = inc.terms.filter((t) => t !== recentTerm);
      for (const t of cause.terms) if (t.name !== recent.term.name) terms.push(t);
      if (diff) terms.push(inverse(diff));
      const prior = new Incompatibility(
        this.#nextId++,
        normaliseDerivedTerms(terms, this.#rootName),
        {
          kind: 'derived',
          conflict: inc,
          other: cause,
        },
      );
      this.#recorder.push({
        type: 'resolution',
        incompatibility: this.#recorder.incompatibility(prior),
        satisfier: this.#recorder.assignment(recent),
        term: this.#recorder.term(recentTerm),
        partial: diff !== null,
      });
      inc = prior;
      learned = true;
    }
    throw new Unsatisfiable(inc);
  }

  #countVersions(t: Term): number {
    let count = this.#counts.get(t);
    if (count === undefined) {
      count = this.#source.countVersions(t.name, t.set);
      this.#counts.set(t, count);
    }
    return count;
  }

  /** Decision making (§8): returns the package to propagate from next, or null when done. */
  #decide(): string | null {
    let best: Term | null = null;
    let bestCount = Infinity;
    for (const candidate of this.#solution.undecided()) {
      const count = this.#countVersions(candidate);
      if (count < bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    if (!best) return null;
    const { name } = best;
    if (!this.#source.exists(name)) {
      this.#add(
        new Incompatibility(this.#nextId++, [term(name, true, FULL_SET)], { kind: 'not-found' }),
        'incompatibility',
      );
      return name;
    }
    const version = this.#source.bestVersion(name, best.set);
    if (version === null) {
      this.#add(
        new Incompatibility(this.#nextId++, [term(name, true, best.set)], { kind: 'no-versions' }),
        'incompatibility',
      );
      return name;
    }
    const conflicting: number[] = [];
    for (const inc of this.#source.incompatibilitiesFor(name, version)) {
      this.#add(inc, 'incompatibility');
      if (inc.terms.every((t) => t.name === name || this.#solution.satisfies(t)))
        conflicting.push(inc.id);
    }
    const versionText = this.#versionText(name, version);
    if (conflicting.length > 0) {
      this.#recorder.push({
        type: 'skip-decision',
        package: name,
        version: versionText,
        conflicting,
      });
      return name;
    }
    const a = this.#solution.decide(name, version);
    this.#recorder.push({
      type: 'decision',
      assignment: this.#recorder.assignment(a),
      package: name,
      version: versionText,
      level: a.level,
    });
    return name;
  }
}

/** Solves an already compiled problem (lets callers time the solver alone). */
export function solveCompiled(problem: CompiledProblem, options: SolveOptions = {}): SolveResult {
  return new PubGrubSolver(problem, options).solve();
}

/**
 * Resolves a problem in the format of DESIGN.md's Resolver contract. Throws `ResolverInputError`
 * for input it cannot work with; an unsatisfiable problem is `{ ok: false, explanation }`.
 */
export function solve(problem: unknown, options: SolveOptions = {}): SolveResult {
  return solveCompiled(compileProblem(problem), options);
}
