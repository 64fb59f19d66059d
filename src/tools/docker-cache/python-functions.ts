/**
 * The simulator and the linter for exercise checks (python/wheelhouse_docker.py wraps them):
 * a check builds a learner's Dockerfile twice, or lints it.
 */
import { answersInJson } from '../../shared/python-answer';
import type { PythonFunctions } from '../../shared/tool';
import { lint, simulate, validateScenario } from './index';

export const dockerCacheFunctions: PythonFunctions = {
  /** A scenario (the docker-cache JSON format) -> the simulation result. */
  docker_simulate: answersInJson((scenarioJson: string, builder: string, mode: string) => {
    const checked = validateScenario(JSON.parse(scenarioJson));
    if (!checked.ok) return { ok: false, errors: checked.errors };
    return simulate(checked.scenario, {
      builder: builder === 'classic' ? 'classic' : 'buildkit',
      mode: mode === 'first-build' ? 'first-build' : 'rebuild',
    });
  }),

  docker_lint: answersInJson((dockerfile: string, dockerignore: string | null) =>
    lint(dockerfile, dockerignore === null ? {} : { dockerignore }),
  ),
};
