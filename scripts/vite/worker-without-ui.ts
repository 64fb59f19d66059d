/**
 * Worker bundles never contain the UI. The Python worker reads the app's list of tools for
 * their Python side (src/runtime/session/tools-bridge.ts), and a tool's definition also names
 * its page and lesson widget, loaded on use from its `lab/` folder: in a worker, those imports
 * and any Svelte component resolve to an empty module, so Svelte and the labs' UI are neither
 * compiled into the worker's chunks nor served with them.
 */
import type { Plugin } from 'vite';

const EMPTY = '\0wheelhouse:no-ui-in-workers';
const TOOL_DEFINITION = /[\\/]src[\\/]tools[\\/][^\\/]+[\\/]tool\.ts$/;

export function workerWithoutUi(): Plugin {
  return {
    name: 'wheelhouse:worker-without-ui',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.endsWith('.svelte')) return EMPTY;
      if (importer && TOOL_DEFINITION.test(importer) && source.startsWith('./lab/')) return EMPTY;
      return null;
    },
    load(id) {
      return id === EMPTY ? 'export {};' : null;
    },
  };
}
