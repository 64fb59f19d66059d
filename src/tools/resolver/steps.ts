/**
 * The solver's event stream: plain JSON, replayable step by step by the lab UI.
 *
 * Every incompatibility is introduced (with its id, kind, terms and sentence) by an
 * `incompatibility`, `resolution` or `learned` step before any later step refers to it by id.
 * Decisions and derivations append to the partial solution; a backjump keeps its first `keep`
 * assignments. `replayPartialSolution` rebuilds the partial solution after every step from that.
 */
import type { IncompatibilityKind } from './incompatibility';

export interface TermView {
  readonly package: string;
  readonly positive: boolean;
  /** PEP 440 specifier; `""` for any version. */
  readonly range: string;
  /** `foo >=1.0`, `not bar <2.0`. */
  readonly text: string;
  /** The versions the index lists for the package that fall in `range`, oldest first. */
  readonly matching: readonly string[];
}

export interface IncompatibilityView {
  readonly id: number;
  readonly kind: IncompatibilityKind;
  readonly terms: readonly TermView[];
  /** One sentence: "foo >=1.0.0,<2.0.0 depends on bar >=2.0.0". */
  readonly text: string;
  /** For a derived incompatibility: [the one being resolved, the satisfier's cause]. */
  readonly causes?: readonly [number, number];
}

export interface AssignmentView {
  readonly index: number;
  readonly level: number;
  readonly package: string;
  readonly decision: boolean;
  readonly term: TermView;
  /** The version chosen, for a decision. */
  readonly version?: string;
  /** The incompatibility a derivation came from. */
  readonly cause?: number;
}

/** One line of a failure's explanation. */
export interface ReportLine {
  /** As printed, with its `(n)` gutter; `""` for the blank line between branches. */
  readonly text: string;
  /** The number later lines refer back to it by, if any. */
  readonly number: number | null;
  /** The incompatibility the line concludes. */
  readonly incompatibility: number | null;
  /**
   * The incompatibilities its "because" rests on: the conclusion's causes, and for a chain step
   * the report skips, that step and its causes too. The previous line's conclusion counts.
   */
  readonly cites: readonly number[];
}

export type SolverStep =
  /** A fact read from the problem (lazily: a version's dependencies when it is first picked). */
  | { readonly type: 'incompatibility'; readonly incompatibility: IncompatibilityView }
  | {
      readonly type: 'derivation';
      readonly assignment: AssignmentView;
      /** The same as `assignment.package`, `.term` and `.level`, for convenience. */
      readonly package: string;
      readonly term: TermView;
      readonly level: number;
      readonly cause: number;
      readonly causeText: string;
    }
  | {
      readonly type: 'decision';
      readonly assignment: AssignmentView;
      readonly package: string;
      readonly version: string;
      readonly level: number;
    }
  /** The newest matching version was not decided: some of its dependencies already conflict. */
  | {
      readonly type: 'skip-decision';
      readonly package: string;
      readonly version: string;
      readonly conflicting: readonly number[];
    }
  | { readonly type: 'conflict'; readonly incompatibility: number; readonly text: string }
  /** One conflict-resolution step: a new incompatibility from the conflict and a prior cause. */
  | {
      readonly type: 'resolution';
      readonly incompatibility: IncompatibilityView;
      readonly satisfier: AssignmentView;
      /** The term of the conflict the satisfier (alone, or `partially` with earlier ones) satisfied. */
      readonly term: TermView;
      readonly partial: boolean;
    }
  | { readonly type: 'learned'; readonly incompatibility: IncompatibilityView }
  | {
      readonly type: 'backjump';
      readonly fromLevel: number;
      readonly toLevel: number;
      /** Assignments kept: the partial solution is truncated to this length. */
      readonly keep: number;
    }
  | {
      readonly type: 'solution';
      readonly solution: Readonly<Record<string, string>>;
      readonly attempts: number;
    }
  | {
      readonly type: 'failure';
      readonly incompatibility: number;
      readonly explanation: string;
      /** The explanation line by line, linked to the proof graph (for the lab's tree view). */
      readonly lines: readonly ReportLine[];
      readonly attempts: number;
    };

export type SolverStepType = SolverStep['type'];

/** A step together with the partial solution right after it (`solve(..., { snapshots: true })`). */
export type SnapshotStep = SolverStep & { readonly partialSolution: readonly AssignmentView[] };

export function hasSnapshot(step: SolverStep): step is SnapshotStep {
  return 'partialSolution' in step;
}

/** The partial solution after each step, rebuilt from the stream alone. */
export function replayPartialSolution(steps: readonly SolverStep[]): AssignmentView[][] {
  const out: AssignmentView[][] = [];
  let current: AssignmentView[] = [];
  for (const step of steps) {
    if (step.type === 'decision' || step.type === 'derivation') {
      current = [...current, step.assignment];
    } else if (step.type === 'backjump') {
      current = current.slice(0, step.keep);
    }
    out.push(current);
  }
  return out;
}
