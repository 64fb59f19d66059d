/**
 * The labs' tools for Python checks, loaded only after Python is ready (they are 330 KB the
 * first run does not need). Python sees a module whose functions forward to the real ones;
 * `ready()` is awaited before any run whose checks import them.
 */
import type { toolsForPython } from '../session/tools-bridge';

type Tools = typeof toolsForPython;

export class LazyTools {
  #tools: Tools | undefined;
  #loading: Promise<Tools> | undefined;

  /** Starts loading (once) and resolves when the tools can be called. */
  ready(): Promise<Tools> {
    this.#loading ??= import('../session/tools-bridge').then(
      (module) => (this.#tools = module.toolsForPython),
    );
    return this.#loading;
  }

  /** The object registered as the Python module `_wheelhouse_tools_js`. */
  forPython(): Tools {
    const call = <K extends keyof Tools>(name: K) =>
      ((...args: Parameters<Tools[K]>) => {
        if (!this.#tools) throw new Error('the labs are still loading; check again in a moment');
        return (this.#tools[name] as (...a: Parameters<Tools[K]>) => string)(...args);
      }) as Tools[K];
    return {
      docker_simulate: call('docker_simulate'),
      docker_lint: call('docker_lint'),
      resolve: call('resolve'),
    };
  }

  static needed(checks: string | undefined): boolean {
    return checks?.includes('wheelhouse_tools') ?? false;
  }
}
