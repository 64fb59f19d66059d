import { compileProblem, type CompiledProblem } from './compile';
import { VersionChooser } from './decision-making';
import { Describer } from './describe';
import { findRootCause } from './conflict-resolution';
import { Incompatibility } from './incompatibility';
import { PackageSource } from './package-source';
import { PartialSolution } from './partial-solution';
import { joinReport, writeReportLines } from './report';
import { StepRecorder } from './step-recorder';
import type { SolverStep } from './steps';
import { inverse, term, type Term } from './term';
import { exactly, FULL_SET } from './version-set';

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
  readonly #chooser: VersionChooser;
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
    this.#chooser = new VersionChooser(this.#source);
    this.#recorder = StepRecorder.forProblem(problem, options.snapshots ? this.#solution : null);
    this.#describer = this.#recorder.describer;
  }

  #versionText(name: string, rank: number): string {
    return this.#problem.versionText(name, rank);
  }

  solve(): SolveResult {
    const { root } = this.#problem;
    // {not root V}: the root must be selected, at its own version.
    const rootTerm = term(root.name, false, exactly(root.rank));
    this.#add(new Incompatibility(this.#nextId++, [rootTerm], { kind: 'root' }), 'incompatibility');
    try {
      for (let next: string | null = root.name; next !== null; next = this.#decide()) {
        this.#propagate(next);
      }
    } catch (error) {
      if (!(error instanceof Unsatisfiable)) throw error;
      const lines = writeReportLines(error.incompatibility, this.#describer);
      const explanation = joinReport(lines);
      const { attempts } = this.#solution;
      this.#recorder.push({
        type: 'failure',
        incompatibility: error.incompatibility.id,
        explanation,
        lines,
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
    const assignment = this.#recorder.assignment(a);
    this.#recorder.push({
      type: 'derivation',
      assignment,
      package: assignment.package,
      term: assignment.term,
      level: assignment.level,
      cause: inc.id,
      causeText: this.#recorder.incompatibility(inc).text,
    });
    return unsatisfied;
  }

  /** Conflict resolution (§7): learn the root cause and backjump to where it propagates. */
  #resolveConflict(start: Incompatibility): Incompatibility {
    const text = this.#recorder.incompatibility(start).text;
    this.#recorder.push({ type: 'conflict', incompatibility: start.id, text });
    const cause = findRootCause(start, this.#solution, this.#rootName, {
      newId: () => this.#nextId++,
      resolved: (prior, satisfier, term, partial) => {
        this.#recorder.push({
          type: 'resolution',
          incompatibility: this.#recorder.incompatibility(prior),
          satisfier: this.#recorder.assignment(satisfier),
          term: this.#recorder.term(term),
          partial,
        });
      },
    });
    if (cause.kind === 'failure') throw new Unsatisfiable(cause.incompatibility);
    const fromLevel = this.#solution.decisionLevel;
    this.#solution.backtrack(cause.toLevel);
    for (const [known, level] of this.#contradicted) {
      if (level > cause.toLevel) this.#contradicted.delete(known);
    }
    const keep = this.#solution.assignments.length;
    this.#recorder.push({ type: 'backjump', fromLevel, toLevel: cause.toLevel, keep });
    if (cause.learned) this.#add(cause.incompatibility, 'learned');
    return cause.incompatibility;
  }

  /** Decision making (§8): returns the package to propagate from next, or null when done. */
  #decide(): string | null {
    const choice = this.#chooser.choose(this.#solution);
    if (choice.kind === 'done') return null;
    const { name } = choice;
    if (choice.kind !== 'version') {
      const set = choice.kind === 'no-versions' ? choice.set : FULL_SET;
      const fact = new Incompatibility(this.#nextId++, [term(name, true, set)], {
        kind: choice.kind,
      });
      this.#add(fact, 'incompatibility');
      return name;
    }
    const version = choice.rank;
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
