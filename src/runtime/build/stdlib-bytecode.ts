/**
 * The standard library zip Wheelhouse serves: Pyodide's own, plus bytecode for every module a
 * start imports (python/bytecode_stdlib.py says why; docs/start-up.md how much it saves).
 * Made under Node by the pinned Pyodide itself and cached by what goes into it, so only the
 * first build on a machine (or a change to the inputs) pays the few seconds. Node-only: the
 * Vite plugin and the Node tools call it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { PYODIDE_VERSION } from '../shared/pyodide-version.ts';
import { installModule, installModules, RUNNER_MODULES } from '../session/python-modules.ts';
import type { RunnerModule } from '../session/runner-api.ts';
import { readPythonFile, readPythonSources } from './python-sources.ts';

/** Bump when what the zip holds changes in a way its inputs do not show. */
const FORMAT = 4;

/**
 * Modules the built-in lessons import, beyond what every start imports: their first runs then
 * skip compiling them too (and their own imports come along).
 */
const LESSON_MODULES = [
  'cProfile',
  'dataclasses',
  'hashlib',
  'json',
  'pstats',
  'statistics',
  'timeit',
  'tomllib',
];

export interface BytecodeStdlibOptions {
  /** Pyodide's folder (node_modules/pyodide). */
  coreDir: string;
  /** Where built zips are kept between runs (default: node_modules/.cache/wheelhouse). */
  cacheDir?: string;
  /**
   * Wheelhouse's own modules to add, by module name (wheelhouse_runner, ...), so the worker
   * imports them as bytecode too. Left out in development, where they change while it runs.
   */
  modules?: Record<string, string>;
  log?: (message: string) => void;
}

/** Path of the zip with bytecode for these inputs, building it first if it is not cached. */
export async function bytecodeStdlib(options: BytecodeStdlibOptions): Promise<string> {
  const { coreDir, modules = {}, log = () => {} } = options;
  const cacheDir = options.cacheDir ?? path.resolve(coreDir, '../.cache/wheelhouse');
  const stock = await readFile(path.join(coreDir, 'python_stdlib.zip'));
  const builderSource = readPythonFile('bytecode_stdlib.py');
  const key = createHash('sha256')
    .update(JSON.stringify({ FORMAT, PYODIDE_VERSION, LESSON_MODULES, builderSource, modules }))
    .update(stock)
    .digest('hex')
    .slice(0, 16);
  const target = path.join(cacheDir, `python_stdlib-${PYODIDE_VERSION}-${key}.zip`);
  if (existsSync(target)) return target;

  const started = performance.now();
  const pyodide = await loadPyodide({ indexURL: coreDir });
  const { imported, builder } = modulesAStartImports(pyodide, builderSource);
  pyodide.FS.writeFile('/tmp/python_stdlib.zip', stock);
  const result = builder.build(
    '/tmp/python_stdlib.zip',
    '/tmp/python_stdlib-bytecode.zip',
    pyodide.toPy(imported),
    pyodide.toPy(modules),
  );
  const { compiled } = result.toJs({ dict_converter: Object.fromEntries }) as { compiled: number };
  result.destroy();
  builder.destroy();
  await mkdir(cacheDir, { recursive: true });
  // Written whole, then renamed: parallel builds (test workers) never see half a zip.
  const partial = `${target}.${process.pid}.partial`;
  const fs = pyodide.FS as typeof pyodide.FS & { readFile(path: string): Uint8Array };
  await writeFile(partial, fs.readFile('/tmp/python_stdlib-bytecode.zip'));
  await rename(partial, target);
  log(
    `Pyodide ${PYODIDE_VERSION}: standard library with bytecode for ${compiled} modules ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return target;
}

/** bytecode_stdlib.py's functions, as the build calls them. */
interface Builder extends PyProxy {
  modules_from_zip(): PyProxy;
  build(source: string, target: string, modules: unknown, extra: unknown): PyProxy;
}

/**
 * What a Wheelhouse start imports from the standard library: Pyodide's own start, our runner
 * and a cell run through it, the exercise modules a session's warm-up imports, and the lessons'
 * usual modules. Returns them, with the builder that reads them (itself imports nothing new).
 */
function modulesAStartImports(pyodide: PyodideInterface, builderSource: string) {
  const sources = readPythonSources();
  installModules(pyodide, RUNNER_MODULES, sources);
  const module = pyodide.pyimport('wheelhouse_runner') as RunnerModule;
  const runner = module.Runner();
  runner.run('answer = 6 * 7', 'build', '<build>', []);
  runner.destroy();
  module.destroy();
  installModule(pyodide, 'wheelhouse_checks', sources.wheelhouse_checks).destroy();
  for (const name of ['tracemalloc', ...LESSON_MODULES]) pyodide.pyimport(name).destroy();
  const builder = installModule(pyodide, 'wheelhouse_bytecode_stdlib', builderSource) as Builder;
  const names = builder.modules_from_zip();
  const imported = names.toJs() as string[];
  names.destroy();
  return { imported, builder };
}
