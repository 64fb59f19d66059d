/**
 * The tools as exercise checks reach them: the module `_wheelhouse_tools_js`, which
 * python/wheelhouse_tools.py reads. It names every tool's Python modules (from the app's list
 * of tools) at once; each tool's functions join it when `loadToolFunctions` has loaded them,
 * which the worker does only when checks first need them.
 */
import { tools } from '../../app/tools';
import type { PythonFunctions } from '../../shared/tool';

export interface ToolsBridge {
  /** The tools' Python modules, in the list's order: wheelhouse_tools re-exports them. */
  python_modules: string[];
  [name: string]: unknown;
}

export function createToolsBridge(): ToolsBridge {
  return { python_modules: tools.flatMap((tool) => tool.python?.modules ?? []) };
}

/** Every tool's functions, added to `bridge`; two tools may not use the same name. */
export async function loadToolFunctions(bridge: ToolsBridge): Promise<void> {
  const loaded = await Promise.all(
    tools.map(async (tool) => [tool.name, (await tool.python?.functions?.()) ?? {}] as const),
  );
  const owner = new Map<string, string>();
  for (const [toolName, functions] of loaded as Array<readonly [string, PythonFunctions]>) {
    for (const name of Object.keys(functions)) {
      const other = owner.get(name);
      if (other || name === 'python_modules') {
        throw new Error(`the tools ${other} and ${toolName} both offer Python a "${name}"`);
      }
      owner.set(name, toolName);
    }
  }
  for (const [, functions] of loaded) Object.assign(bridge, functions);
}

/** Which of `sources` (module name -> text) the session places for the tools. */
export function toolModuleSources(
  sources: Readonly<Record<string, string>>,
  bridge: ToolsBridge,
): Record<string, string> {
  return Object.fromEntries(
    bridge.python_modules.map((name) => {
      const source = sources[name];
      if (source === undefined) throw new Error(`no file for the tool module ${name}`);
      return [name, source];
    }),
  );
}
