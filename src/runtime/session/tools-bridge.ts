/**
 * Wheelhouse's own tools, callable from Python as the module `_wheelhouse_tools_js` (wrapped by
 * python/wheelhouse_tools.py): exercise checks run the Docker cache simulator on a learner's
 * Dockerfile, or the resolver on a learner's constraints. JSON strings cross the boundary, so
 * nothing depends on how Pyodide converts objects.
 */
import { lint, simulate, validateScenario } from '../../tools/docker-cache';
import { parseProblem, parseProblemText, solve } from '../../tools/resolver';

function failure(error: unknown): string {
  return JSON.stringify({
    ok: false,
    errors: [error instanceof Error ? error.message : String(error)],
  });
}

export const toolsForPython = {
  /** A scenario (the docker-cache JSON format) -> the simulation result. */
  docker_simulate(scenarioJson: string, builder: string, mode: string): string {
    try {
      const checked = validateScenario(JSON.parse(scenarioJson));
      if (!checked.ok) return JSON.stringify({ ok: false, errors: checked.errors });
      return JSON.stringify(
        simulate(checked.scenario, {
          builder: builder === 'classic' ? 'classic' : 'buildkit',
          mode: mode === 'first-build' ? 'first-build' : 'rebuild',
        }),
      );
    } catch (error) {
      return failure(error);
    }
  },

  docker_lint(dockerfile: string, dockerignore: string | null): string {
    try {
      return JSON.stringify(lint(dockerfile, dockerignore === null ? {} : { dockerignore }));
    } catch (error) {
      return failure(error);
    }
  },

  /** A problem in the JSON format, or in the lab's text format -> solution or explanation. */
  resolve(problem: string, format: string): string {
    try {
      const parsed =
        format === 'text' ? parseProblemText(problem) : parseProblem(JSON.parse(problem));
      const result = solve(parsed);
      return JSON.stringify(
        result.ok
          ? { ok: true, solution: result.solution }
          : { ok: false, explanation: result.explanation },
      );
    } catch (error) {
      return failure(error);
    }
  },
};
