/**
 * Wheelhouse's own Python modules read from disk, by module name, for Node: the tests and
 * lesson tools install them in their sessions, and the build compiles them into the standard
 * library's bytecode (the browser's worker bundles them instead: worker/python-sources.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXERCISE_MODULES, RUNNER_MODULES, type PythonSources } from '../session/python-modules.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** One of the files in src/runtime/python, as text. */
export function readPythonFile(file: string): string {
  return readFileSync(path.join(here, '../python', file), 'utf8');
}

/** Every module a session installs, each from the file named after it. */
export function readPythonSources(): PythonSources {
  const names = [...RUNNER_MODULES, ...EXERCISE_MODULES];
  return Object.fromEntries(
    names.map((name) => [name, readPythonFile(`${name}.py`)]),
  ) as PythonSources;
}
