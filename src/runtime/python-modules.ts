/** How Wheelhouse's own Python modules (runner.py, checks.py, ...) get into an interpreter. */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';

/**
 * Writes modules where Python finds them (site-packages), so each is compiled and imported only
 * when something first imports it, not on every start. Rewritten on each start: files are not
 * part of a memory snapshot.
 */
export function placeModules(pyodide: PyodideInterface, modules: Record<string, string>): void {
  const folder = String(pyodide.runPython('import site\nsite.getsitepackages()[0]'));
  for (const [name, source] of Object.entries(modules)) {
    pyodide.FS.writeFile(`${folder}/${name}.py`, source);
  }
}

/**
 * Runs `source` as the module `name` (so tracebacks and imports know it by that name), unless
 * the interpreter already has it: one restored from a snapshot does (snapshotRecipe).
 */
export function installModule(pyodide: PyodideInterface, name: string, source: string): PyProxy {
  const existing = pyodide.runPython(`import sys\nsys.modules.get(${JSON.stringify(name)})`) as
    PyProxy | undefined;
  if (existing) return existing;
  const create = pyodide.runPython(
    'import sys, types\ndef create(name):\n    module = sys.modules[name] = types.ModuleType(name)\n    return module\ncreate',
  ) as PyProxy & ((name: string) => PyProxy);
  const module = create(name);
  create.destroy();
  pyodide.runPython(source, { globals: module.__dict__, filename: `${name}.py` });
  return module;
}
