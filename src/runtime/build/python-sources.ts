/**
 * Wheelhouse's own Python modules read from disk, by module name, for Node: the tests and
 * lesson tools install them in their sessions, and the build compiles them into the standard
 * library's bytecode (the browser's worker imports them with `?raw` instead).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PythonSources } from '../session/session.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** One of our Python files, as text. */
export function readPythonFile(file: string): string {
  return readFileSync(path.join(here, '../python', file), 'utf8');
}

export function readPythonSources(): PythonSources {
  return {
    wheelhouse_runner: readPythonFile('wheelhouse_runner.py'),
    wheelhouse_checks: readPythonFile('wheelhouse_checks.py'),
    wheelhouse_tools: readPythonFile('wheelhouse_tools.py'),
  };
}
