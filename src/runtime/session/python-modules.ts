/**
 * Wheelhouse's own Python modules (src/runtime/python/<name>.py) and how they get into an
 * interpreter: through Pyodide's FFI, with arguments, never as Python built in a string.
 */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';

/** The runner and the modules it imports, each after the ones it imports. */
export const RUNNER_MODULES = [
  'wheelhouse_stdio',
  'wheelhouse_projects',
  'wheelhouse_tracebacks',
  'wheelhouse_runner',
] as const;

/**
 * Modules only exercises import: a session places them where Python finds them. The tools'
 * own modules (src/tools/<tool>/python/) join them through the session's `tools`.
 */
export const EXERCISE_MODULES = [
  'wheelhouse_checks',
  'wheelhouse_toolkit',
  'wheelhouse_tools',
] as const;

export type PythonModuleName = (typeof RUNNER_MODULES)[number] | (typeof EXERCISE_MODULES)[number];

/** Every one of our modules' source, by module name. */
export type PythonSources = Record<PythonModuleName, string>;

/**
 * Writes modules where Python finds them (site-packages), so each is compiled and imported only
 * when something first imports it, not on every start. Rewritten on each start: files are not
 * part of a memory snapshot.
 */
export function placeModules(pyodide: PyodideInterface, modules: Record<string, string>): void {
  // Through the FFI rather than runPython, which would parse code on a cold interpreter.
  const site = pyodide.pyimport('site') as PyProxy & { getsitepackages(): PyProxy };
  const folders = site.getsitepackages();
  const folder = String(folders.get(0));
  folders.destroy();
  site.destroy();
  for (const [name, source] of Object.entries(modules)) {
    pyodide.FS.writeFile(`${folder}/${name}.py`, source);
  }
}

/**
 * The module `name` as the interpreter has it (one restored from a snapshot does, see
 * snapshotRecipe), else imported from the standard library zip (a built site's holds our
 * modules as bytecode), else made from `source`. Modules it imports must be installed first.
 */
export function installModule(pyodide: PyodideInterface, name: string, source: string): PyProxy {
  try {
    // The usual case in a built site, and the cheap one: no code to parse.
    return pyodide.pyimport(name) as PyProxy;
  } catch (error) {
    const missing = error instanceof Error && error.message.includes(`No module named '${name}'`);
    if (!missing) throw error;
  }
  return moduleFromSource(pyodide, name, source);
}

/** Installs each of `names`, in that order, from `sources` (see installModule). */
export function installModules(
  pyodide: PyodideInterface,
  names: readonly PythonModuleName[],
  sources: PythonSources,
): void {
  for (const name of names) installModule(pyodide, name, sources[name]).destroy();
}

type Builtins = PyProxy & {
  compile(source: string, filename: string, mode: string): PyProxy;
  exec(code: PyProxy, globals: PyProxy): void;
};
type ModuleType = PyProxy & { __dict__: PyProxy };

/**
 * The module `name` made from `source` as an import would, and registered in sys.modules:
 * Python's compile() goes from source to bytecode in C. (runPython would first build the
 * module's whole syntax tree as Python objects, which is much slower.)
 */
function moduleFromSource(pyodide: PyodideInterface, name: string, source: string): PyProxy {
  const builtins = pyodide.pyimport('builtins') as Builtins;
  const types = pyodide.pyimport('types') as PyProxy & { ModuleType(name: string): ModuleType };
  const sys = pyodide.pyimport('sys') as PyProxy & { modules: PyProxy & Map<string, unknown> };
  const modules = sys.modules;
  const module = types.ModuleType(name);
  const namespace = module.__dict__;
  let code: PyProxy | undefined;
  try {
    code = builtins.compile(source, `${name}.py`, 'exec');
    modules.set(name, module);
    builtins.exec(code, namespace);
    return module;
  } catch (error) {
    if (modules.has(name)) modules.delete(name); // as a failed import leaves nothing behind
    module.destroy();
    throw error;
  } finally {
    for (const proxy of [code, namespace, modules, sys, types, builtins]) proxy?.destroy();
  }
}
