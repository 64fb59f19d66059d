/**
 * The tools for Python checks in the worker: their Python modules are known at once, their
 * functions (the simulator, the resolver, ...: most of the tools' code, which the first run
 * does not need) load only after Python is ready. `ready()` is awaited before any run whose
 * checks import them.
 */
import type { SessionTools } from '../session/session';
import {
  createToolsBridge,
  loadToolFunctions,
  toolModuleSources,
  type ToolsBridge,
} from '../session/tools-bridge';
import { TOOL_PYTHON_SOURCES } from './python-sources';

export class LazyTools {
  #bridge: ToolsBridge = createToolsBridge();
  #loading: Promise<void> | undefined;

  /** Starts loading the functions (once) and resolves when they can be called. */
  ready(): Promise<void> {
    this.#loading ??= loadToolFunctions(this.#bridge);
    return this.#loading;
  }

  /** What the session registers for Python. */
  forSession(): SessionTools {
    return {
      bridge: this.#bridge,
      modules: toolModuleSources(TOOL_PYTHON_SOURCES, this.#bridge),
    };
  }

  static needed(checks: string | undefined): boolean {
    return checks?.includes('wheelhouse_tools') ?? false;
  }
}
