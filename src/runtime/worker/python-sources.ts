/**
 * Wheelhouse's own Python modules as the worker bundles them (their text, through Vite's
 * `?raw`), by module name: what a snapshot's recipe installs and its key names. A built site's
 * standard library holds them as bytecode too, which is what a start imports; the dev server's
 * does not, and its worker makes them from these.
 */
import type { PythonSources } from '../session/python-modules';
import checks from '../python/wheelhouse_checks.py?raw';
import projects from '../python/wheelhouse_projects.py?raw';
import runner from '../python/wheelhouse_runner.py?raw';
import stdio from '../python/wheelhouse_stdio.py?raw';
import tools from '../python/wheelhouse_tools.py?raw';
import toolkit from '../python/wheelhouse_toolkit.py?raw';
import tracebacks from '../python/wheelhouse_tracebacks.py?raw';

export const PYTHON_SOURCES: PythonSources = {
  wheelhouse_stdio: stdio,
  wheelhouse_projects: projects,
  wheelhouse_tracebacks: tracebacks,
  wheelhouse_runner: runner,
  wheelhouse_checks: checks,
  wheelhouse_toolkit: toolkit,
  wheelhouse_tools: tools,
};

/** Each tool's Python modules (src/tools/<tool>/python/<module>.py), by module name. */
export const TOOL_PYTHON_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../tools/*/python/*.py', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([file, source]) => [file.slice(file.lastIndexOf('/') + 1, -'.py'.length), source]),
);
