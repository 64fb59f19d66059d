/**
 * Starts a PythonSession under Node, for unit tests and the lesson tools. Packages come from
 * `WHEELHOUSE_PYODIDE_PACKAGES` when set; without it they can only come from the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { PythonSession, type PythonSources, type SessionHooks } from './session';

const here = path.dirname(fileURLToPath(import.meta.url));

export function readPythonSources(): PythonSources {
  const read = (file: string) => readFileSync(path.join(here, 'python', file), 'utf8');
  return {
    wheelhouse_runner: read('runner.py'),
    wheelhouse_checks: read('checks.py'),
    wheelhouse_tools: read('wheelhouse_tools.py'),
  };
}

export function nodePyodideDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export function offlinePackageDir(): string | undefined {
  const value = process.env.WHEELHOUSE_PYODIDE_PACKAGES?.trim();
  return value ? path.resolve(value) : undefined;
}

export async function startNodeSession(hooks: SessionHooks): Promise<PythonSession> {
  const packageCacheDir = offlinePackageDir();
  const pyodide = await loadPyodide({
    indexURL: nodePyodideDir(),
    ...(packageCacheDir && { packageCacheDir }),
  });
  const { toolsForPython } = await import('./tools-bridge');
  return PythonSession.create(pyodide, readPythonSources(), {
    jsModules: { _wheelhouse_tools_js: toolsForPython },
    ...hooks,
  });
}
