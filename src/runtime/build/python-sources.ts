/**
 * Wheelhouse's own Python modules read from disk, by module name, for Node: the tests and
 * lesson tools install them in their sessions, and the build compiles them into the standard
 * library's bytecode (the browser's worker bundles them instead: worker/python-sources.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXERCISE_MODULES, RUNNER_MODULES, type PythonSources } from '../session/python-modules.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** One of the files in src/runtime/python, as text. */
export function readPythonFile(file: string): string {
  return readFileSync(path.join(here, '../python', file), 'utf8');
}

/** Each tool's Python modules (src/tools/<tool>/python/<module>.py), by module name. */
export function readToolPythonSources(): Record<string, string> {
  const tools = path.join(here, '../../tools');
  const sources: Record<string, string> = {};
  for (const tool of readdirSync(tools, { withFileTypes: true })) {
    const folder = path.join(tools, tool.name, 'python');
    if (!tool.isDirectory() || !existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.py'))) {
      sources[file.slice(0, -'.py'.length)] = readFileSync(path.join(folder, file), 'utf8');
    }
  }
  return sources;
}

/** Every module a session installs, each from the file named after it. */
export function readPythonSources(): PythonSources {
  const names = [...RUNNER_MODULES, ...EXERCISE_MODULES];
  return Object.fromEntries(
    names.map((name) => [name, readPythonFile(`${name}.py`)]),
  ) as PythonSources;
}
