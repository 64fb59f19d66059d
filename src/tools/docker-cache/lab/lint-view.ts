/**
 * Lint findings for the lab's Dockerfile, and the same findings as editor markers with their
 * quick fixes. A Dockerfile that does not parse gives its parse errors as markers instead.
 */
import type { EditorMarker } from '../../../editor';
import { lint } from '../lint';
import type { LintFinding } from '../lint/types';
import { parseDockerfile } from '../parse';
import { dockerfileMarkers } from './lint-markers';

export interface LintView {
  findings: LintFinding[];
  /** Parse errors (the Dockerfile cannot be linted or built until they are fixed). */
  errors: Array<{ line: number; message: string }>;
  /** Problems in the .dockerignore (the Dockerfile is then linted without it). */
  ignoreErrors: string[];
  markers: EditorMarker[];
}

export function lintView(
  dockerfile: string,
  dockerignore: string | null,
  paths: readonly string[],
): LintView {
  const parsed = parseDockerfile(dockerfile);
  if (!parsed.ok) {
    const errors = parsed.errors.map((error) => ({ line: error.line, message: error.message }));
    return {
      findings: [],
      errors,
      ignoreErrors: [],
      markers: errors.map((error) => ({
        source: 'dockerfile-lint',
        severity: 'error',
        line: error.line,
        message: error.message,
      })),
    };
  }
  let ignoreErrors: string[] = [];
  let result = lint(dockerfile, { dockerignore, files: paths });
  if (!result.ok) {
    ignoreErrors = result.errors;
    result = lint(dockerfile, { files: paths });
  }
  const findings = result.ok ? result.findings : [];
  return {
    findings,
    errors: [],
    ignoreErrors,
    markers: dockerfileMarkers(findings),
  };
}
