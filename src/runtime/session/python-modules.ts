/** How Wheelhouse's own Python modules (runner.py, checks.py, ...) get into an interpreter. */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';

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
 * Defines `install(name, source)`: the module `name` as the interpreter has it, else imported
 * from the standard library zip (a built site's holds our modules as bytecode), else run from
 * `source` with Python's own compile() and exec(), which go from source to bytecode in C.
 * (runPython would first build the module's whole syntax tree as Python objects: about three
 * times slower for the runner.)
 */
export const INSTALL_FUNCTION = `
import importlib, sys, types
def install(name, source):
    module = sys.modules.get(name)
    if module is None:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as missing:
            if missing.name != name:
                raise
            module = sys.modules[name] = types.ModuleType(name)
            exec(compile(source, name + ".py", "exec"), module.__dict__)
    return module`;

/**
 * The module `name`, installed from `source` unless the interpreter already has it (one
 * restored from a snapshot does, see snapshotRecipe) or can import it as bytecode.
 */
export function installModule(pyodide: PyodideInterface, name: string, source: string): PyProxy {
  try {
    // The usual case in a built site, and the cheap one: no code to parse.
    return pyodide.pyimport(name) as PyProxy;
  } catch (error) {
    const missing = error instanceof Error && error.message.includes(`No module named '${name}'`);
    if (!missing) throw error;
  }
  const install = pyodide.runPython(`${INSTALL_FUNCTION}\ninstall`) as PyProxy &
    ((name: string, source: string) => PyProxy);
  try {
    return install(name, source);
  } finally {
    install.destroy();
  }
}
