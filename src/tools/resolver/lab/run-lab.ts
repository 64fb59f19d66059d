/**
 * What the lab's worker does, as plain functions (tests call them directly): read the text form,
 * then run PubGrub or the naive backtracker on it.
 */
import { ResolverInputError, solve, solveNaive } from '..';
import type { LabOutcome, NaiveSummary } from './protocol';
import { placeInputError, readProblemText } from './read-text';

/** Events of the naive search sent to the page; its counts cover the whole search. */
export const NAIVE_TRACE_LIMIT = 400;

export function resolveText(text: string): LabOutcome {
  const read = readProblemText(text);
  if (!read.ok) return { kind: 'invalid', problems: read.problems };
  const started = performance.now();
  try {
    const result = solve(read.problem);
    return { kind: 'resolved', problem: read.problem, result, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof ResolverInputError)) throw error;
    return { kind: 'invalid', problems: [placeInputError(text, error)] };
  }
}

export function runNaiveText(text: string, maxSteps: number): NaiveSummary | null {
  const read = readProblemText(text);
  if (!read.ok) return null;
  const started = performance.now();
  let naive;
  try {
    naive = solveNaive(read.problem, { maxSteps, maxTrace: NAIVE_TRACE_LIMIT });
  } catch (error) {
    if (!(error instanceof ResolverInputError)) throw error;
    return null;
  }
  return {
    ok: naive.ok,
    solution: naive.ok ? naive.solution : null,
    explanation: naive.ok ? null : naive.explanation,
    stepCount: naive.stepCount,
    gaveUp: naive.gaveUp,
    maxSteps,
    trace: naive.steps,
    ms: performance.now() - started,
  };
}
