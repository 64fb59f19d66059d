/**
 * Starts a PythonSession under Node, for unit tests and the lesson tools. Packages come from
 * `WHEELHOUSE_PYODIDE_PACKAGES` when set; without it they can only come from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadPyodide } from 'pyodide';
import { readPythonSources, readToolPythonSources } from '../build/python-sources';
import { PythonSession, type SessionHooks } from '../session/session';
import { bytecodeStdlib } from '../build/stdlib-bytecode';

export { readPythonSources };

export function nodePyodideDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export function offlinePackageDir(): string | undefined {
  const value = process.env.WHEELHOUSE_PYODIDE_PACKAGES?.trim();
  return value ? path.resolve(value) : undefined;
}

/**
 * The standard library as the site serves it, with bytecode for what a start imports
 * (stdlib-bytecode.ts), but without our own modules: sessions here install them from the
 * files on disk, so a change to one of them counts at once.
 */
export function nodeStdlib(): Promise<string> {
  return bytecodeStdlib({ coreDir: nodePyodideDir() });
}

export async function startNodeSession(hooks: SessionHooks): Promise<PythonSession> {
  const packageCacheDir = offlinePackageDir();
  const pyodide = await loadPyodide({
    indexURL: nodePyodideDir(),
    stdLibURL: await nodeStdlib(),
    ...(packageCacheDir && { packageCacheDir }),
  });
  const { createToolsBridge, loadToolFunctions, toolModuleSources } =
    await import('../session/tools-bridge');
  const bridge = createToolsBridge();
  await loadToolFunctions(bridge);
  return PythonSession.create(pyodide, readPythonSources(), {
    tools: { bridge, modules: toolModuleSources(readToolPythonSources(), bridge) },
    ...hooks,
  });
}
