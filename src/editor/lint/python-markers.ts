/**
 * Markers from Python itself: a syntax error found by compiling in the runtime worker
 * (`python-syntax`), and the failing line of a run's traceback (`python`). A multi-file
 * project asks for each file's markers by the name the error reports.
 */
import type { PythonError, SyntaxProblem } from '../../runtime';
import type { EditorMarker } from '../markers';

export function syntaxMarkers(problem: SyntaxProblem | null): EditorMarker[] {
  if (!problem) return [];
  const { line, column } = problem;
  const endLine = Math.max(problem.endLine, line);
  // Python marks some errors at one point; a marker needs at least one character to show.
  const endColumn = endLine === line ? Math.max(problem.endColumn, column + 1) : problem.endColumn;
  return [
    {
      source: 'python-syntax',
      severity: 'error',
      message: `SyntaxError: ${problem.message}`,
      line,
      column,
      endLine,
      endColumn,
    },
  ];
}

/** The marker for the line where `error` happened, when it happened in `filename`. */
export function tracebackMarkers(error: PythonError | null, filename: string): EditorMarker[] {
  if (!error || error.interrupted || error.line === null || error.filename !== filename) return [];
  return [
    {
      source: 'python',
      severity: 'error',
      message: `${error.type}: ${error.message}`,
      line: error.line,
    },
  ];
}
