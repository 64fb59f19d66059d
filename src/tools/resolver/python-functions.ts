/** The resolver for exercise checks (python/wheelhouse_resolver.py wraps it). */
import { answersInJson } from '../../shared/python-answer';
import type { PythonFunctions } from '../../shared/tool';
import { parseProblem, parseProblemText, solve } from './index';

export const resolverFunctions: PythonFunctions = {
  /** A problem in the JSON format, or in the lab's text format -> solution or explanation. */
  resolve: answersInJson((problem: string, format: string) => {
    const parsed =
      format === 'text' ? parseProblemText(problem) : parseProblem(JSON.parse(problem));
    const result = solve(parsed);
    return result.ok
      ? { ok: true, solution: result.solution }
      : { ok: false, explanation: result.explanation };
  }),
};
