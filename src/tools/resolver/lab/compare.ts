/** The figures the comparison shows: what each search did on the same index. */
import type { SolverStep } from '..';
import type { NaiveSummary } from './protocol';

export interface PubGrubFigures {
  /** Versions decided (the root not counted): comparable with the naive search's tries. */
  readonly versionsTried: number;
  readonly conflicts: number;
  readonly learned: number;
  readonly steps: number;
}

export function pubGrubFigures(steps: readonly SolverStep[]): PubGrubFigures {
  let decisions = 0;
  let conflicts = 0;
  let learned = 0;
  for (const step of steps) {
    if (step.type === 'decision') decisions++;
    else if (step.type === 'conflict') conflicts++;
    else if (step.type === 'learned') learned++;
  }
  return { versionsTried: Math.max(0, decisions - 1), conflicts, learned, steps: steps.length };
}

/** One sentence comparing the two, e.g. "The naive search tried 3,486 times as many versions." */
export function comparisonSentence(pubgrub: PubGrubFigures, naive: NaiveSummary): string {
  const n = (value: number) => value.toLocaleString('en');
  const tried = `PubGrub tried ${n(pubgrub.versionsTried)} version${pubgrub.versionsTried === 1 ? '' : 's'}`;
  if (naive.gaveUp) {
    return `${tried}; the naive search gave up after ${n(naive.stepCount)} without an answer.`;
  }
  if (naive.stepCount <= pubgrub.versionsTried) {
    return `${tried} and the naive search ${n(naive.stepCount)}: on an index this easy, remembering conflicts does not pay yet.`;
  }
  const ratio = naive.stepCount / Math.max(1, pubgrub.versionsTried);
  const times = ratio >= 10 ? n(Math.round(ratio)) : ratio.toFixed(1);
  return `${tried}; the naive search tried ${n(naive.stepCount)}, ${times} times as many.`;
}
