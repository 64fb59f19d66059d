import type { CompiledProblem } from './compile';
import { Describer } from './describe';
import type { Incompatibility } from './incompatibility';
import type { Assignment, PartialSolution } from './partial-solution';
import type {
  AssignmentView,
  IncompatibilityView,
  SnapshotStep,
  SolverStep,
  TermView,
} from './steps';
import { RangeFormatter } from './range-format';
import type { Term } from './term';
import { ranksIn, type VersionSet } from './version-set';

/** Turns the solver's objects into the JSON views of `steps.ts`, each built once. */
export class StepRecorder {
  readonly steps: SolverStep[] = [];
  readonly #describer: Describer;
  readonly #versionText: (name: string, rank: number) => string;
  readonly #listed: (name: string, set: VersionSet) => readonly string[];
  readonly #solution: PartialSolution | null;
  readonly #incompatibilities = new Map<Incompatibility, IncompatibilityView>();
  /** Views by assignment position (the partial solution never grows past its longest). */
  readonly #assignments: { source: Assignment; view: AssignmentView }[] = [];
  // A plain map, not a WeakMap: it lives for one solve, and WeakMaps were a visible cost.
  readonly #terms = new Map<VersionSet, TermView[]>();

  /** With a partial solution, every step carries a snapshot of it (for debugging and tests). */
  constructor(
    describer: Describer,
    versions: {
      text: (name: string, rank: number) => string;
      listed: (name: string, set: VersionSet) => readonly string[];
    },
    snapshotsOf: PartialSolution | null,
  ) {
    this.#describer = describer;
    this.#versionText = versions.text;
    this.#listed = versions.listed;
    this.#solution = snapshotsOf;
  }

  /** Wires the range printer and the sentence writer for one problem. */
  static forProblem(problem: CompiledProblem, snapshotsOf: PartialSolution | null): StepRecorder {
    const { root, catalog, knownRanks, versionText } = problem;
    const ranges = new RangeFormatter(catalog, knownRanks, versionText);
    const rootVersion = versionText(root.name, root.rank);
    const describer = new Describer(
      ranges,
      { name: root.name, version: rootVersion },
      (name) => knownRanks(name).length,
    );
    const listed = (name: string, set: VersionSet) =>
      ranksIn(set, knownRanks(name)).map((rank) => versionText(name, rank));
    return new StepRecorder(describer, { text: versionText, listed }, snapshotsOf);
  }

  get describer(): Describer {
    return this.#describer;
  }

  push(step: SolverStep): void {
    if (!this.#solution) {
      this.steps.push(step);
      return;
    }
    const partialSolution = this.#solution.assignments.map((a) => this.assignment(a));
    const withSnapshot: SnapshotStep = { ...step, partialSolution };
    this.steps.push(withSnapshot);
  }

  term(t: Term): TermView {
    // Derivations re-use the sets of their causes' terms, so views are shared through the set.
    let views = this.#terms.get(t.set);
    if (!views) {
      views = [];
      this.#terms.set(t.set, views);
    }
    let view = views.find((v) => v.package === t.name && v.positive === t.positive);
    if (!view) {
      view = {
        package: t.name,
        positive: t.positive,
        range: this.#describer.range(t),
        text: this.#describer.termText(t),
        matching: this.#listed(t.name, t.set),
      };
      views.push(view);
    }
    return view;
  }

  incompatibility(inc: Incompatibility): IncompatibilityView {
    let view = this.#incompatibilities.get(inc);
    if (!view) {
      const cause = inc.derived;
      const causes: readonly [number, number] | null = cause
        ? [cause.conflict.id, cause.other.id]
        : null;
      view = {
        id: inc.id,
        kind: inc.cause.kind,
        terms: inc.terms.map((t) => this.term(t)),
        text: this.#describer.describe(inc),
        ...(causes ? { causes } : {}),
      };
      this.#incompatibilities.set(inc, view);
    }
    return view;
  }

  assignment(a: Assignment): AssignmentView {
    // Keyed by position: a backjump frees positions for new assignments, so check identity.
    const cached = this.#assignments[a.index];
    if (cached?.source === a) return cached.view;
    const term = this.term(a.term);
    const view: AssignmentView =
      a.cause === null
        ? {
            index: a.index,
            level: a.level,
            package: a.term.name,
            decision: true,
            term,
            version: this.#versionText(a.term.name, a.version ?? -1),
          }
        : {
            index: a.index,
            level: a.level,
            package: a.term.name,
            decision: false,
            term,
            cause: a.cause.id,
          };
    this.#assignments[a.index] = { source: a, view };
    return view;
  }
}
