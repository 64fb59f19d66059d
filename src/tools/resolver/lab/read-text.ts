/**
 * Reading the text form for the editor and for lesson checks: parse errors with their line, and
 * problems only the compiler sees (a version listed twice) placed on the package's line. Imports
 * the parser and compiler alone, so lessons can be validated without loading the solver.
 */
import { compileProblem } from '../compile';
import { ResolverInputError } from '../errors';
import type { Problem } from '../problem-schema';
import { parseProblemText, ProblemTextError } from '../text-format';
import type { TextProblem } from './protocol';

export type ReadResult = { ok: true; problem: Problem } | { ok: false; problems: TextProblem[] };

const normalise = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** The line that lists a package (1 when none does). */
export function lineOfPackage(text: string, name: string | undefined): number {
  if (name === undefined) return 1;
  const wanted = normalise(name);
  const index = text.split(/\r?\n/).findIndex((line) => {
    const first = line.replace(/#.*$/, '').trim().split(/\s+/)[0] ?? '';
    return normalise(first) === wanted;
  });
  return index === -1 ? 1 : index + 1;
}

/** A problem the resolver refused, placed on a line of the text. */
export function placeInputError(text: string, error: ResolverInputError): TextProblem {
  return { line: lineOfPackage(text, error.details.package), message: error.message };
}

/** The syntax only: cheap enough to run on every keystroke. */
export function readProblemText(text: string): ReadResult {
  try {
    return { ok: true, problem: parseProblemText(text) };
  } catch (error) {
    if (!(error instanceof ProblemTextError)) throw error;
    const message = error.message.replace(/^line \d+: /, '');
    return { ok: false, problems: [{ line: error.line, message }] };
  }
}

/** The syntax, then everything the resolver checks before it starts. */
export function checkProblemText(text: string): ReadResult {
  const read = readProblemText(text);
  if (!read.ok) return read;
  try {
    compileProblem(read.problem);
  } catch (error) {
    if (!(error instanceof ResolverInputError)) throw error;
    return { ok: false, problems: [placeInputError(text, error)] };
  }
  return read;
}
