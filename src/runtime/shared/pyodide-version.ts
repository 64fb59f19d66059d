/** The exact Pyodide release Wheelhouse is built and tested against (package.json pins the same). */
export const PYODIDE_VERSION = '0.28.0';

/** Where the official Pyodide project publishes this release's package wheels. */
export const OFFICIAL_PACKAGE_BASE = `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`;

/** The path, under the site's base URL, that serves the runtime files and the lock file. */
export const PYODIDE_PATH = `pyodide/v${PYODIDE_VERSION}/`;

/** Pyodide's wasm, in its folder. */
export const PYODIDE_WASM = 'pyodide.asm.wasm';

/** Core runtime files copied from the npm package, in the order a cold start needs them. */
export const PYODIDE_CORE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.js',
  PYODIDE_WASM,
  'python_stdlib.zip',
] as const;

/** The runtime files whose content is the site's own, by role (served-files.ts). */
export interface ServedNames {
  stdlib: string;
  lockFile: string;
}

/** Their names in Pyodide's release. */
export const PYODIDE_NAMES: ServedNames = {
  stdlib: 'python_stdlib.zip',
  lockFile: 'pyodide-lock.json',
};
