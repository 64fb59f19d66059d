/** The resolver's public API: PubGrub, the naive backtracker, the text format and lock files. */
export { solve, solveCompiled, type SolveOptions, type SolveResult } from './solver';
export {
  solveNaive,
  solveNaiveCompiled,
  type NaiveOptions,
  type NaiveResult,
  type NaiveStep,
} from './naive';
export { compileProblem, type CompiledProblem } from './compile';
export { parseProblem, problemSchema, type Problem } from './problem-schema';
export { ResolverInputError, type InputErrorDetails } from './errors';
export { formatProblemText, parseProblemText, ProblemTextError } from './text-format';
export { formatLockFile, simulatedHash } from './lock';
export {
  hasSnapshot,
  replayPartialSolution,
  type AssignmentView,
  type IncompatibilityView,
  type ReportLine,
  type SnapshotStep,
  type SolverStep,
  type SolverStepType,
  type TermView,
} from './steps';
export type { IncompatibilityKind } from './incompatibility';
