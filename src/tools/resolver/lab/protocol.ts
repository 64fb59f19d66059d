/**
 * The contract between the resolver lab and its worker. Types only: the worker implements
 * `ResolverWorkerApi`; the page calls it through `Comlink.wrap<ResolverWorkerApi>()`. Everything
 * crossing is plain JSON-like data.
 */
import type { NaiveStep, Problem, SolveResult } from '..';

/** A mistake in the text form, on a 1-based line of it. */
export interface TextProblem {
  readonly line: number;
  readonly message: string;
}

export type LabOutcome =
  | { readonly kind: 'invalid'; readonly problems: readonly TextProblem[] }
  | {
      readonly kind: 'resolved';
      readonly problem: Problem;
      readonly result: SolveResult;
      readonly ms: number;
    };

export interface NaiveSummary {
  readonly ok: boolean;
  readonly solution: Readonly<Record<string, string>> | null;
  readonly explanation: string | null;
  /** Versions tried. */
  readonly stepCount: number;
  /** The cap stopped the search before it found an answer or proved there is none. */
  readonly gaveUp: boolean;
  readonly maxSteps: number;
  /** The first events of the search (the whole trace can run to millions). */
  readonly trace: readonly NaiveStep[];
  readonly ms: number;
}

export interface ResolverWorkerApi {
  resolve(text: string): LabOutcome;
  /** The naive backtracker on the same text; null when the text does not parse. */
  runNaive(text: string, maxSteps: number): NaiveSummary | null;
}
