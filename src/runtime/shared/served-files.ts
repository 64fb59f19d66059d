/**
 * Where a site's Pyodide files are, as loadPyodide is told. Two files of the runtime folder
 * are the site's own work and change from one build to the next: the standard library (with
 * our bytecode) and the lock file (pointing at the package source). A build serves them under
 * names made from their content (`python_stdlib-<hash>.zip`), so the whole folder can be
 * cached for a year and a browser never gives a new version of the site an old one; the
 * names reach the code through `import.meta.env`. Elsewhere (Node) they keep Pyodide's names.
 */
import { PYODIDE_NAMES, type ServedNames } from './pyodide-version';

/** loadPyodide's options that say where its files are. */
export interface RuntimeLocation {
  indexURL: string;
  stdLibURL?: string;
  lockFileURL?: string;
}

/** The names this build serves the site's own runtime files under. */
export function servedNames(): ServedNames {
  const injected = import.meta.env.VITE_PYODIDE_NAMES;
  return injected ? (JSON.parse(injected) as ServedNames) : PYODIDE_NAMES;
}

/** The runtime in `indexURL` as this build serves it. */
export function siteLocation(indexURL: string): Required<RuntimeLocation> {
  const names = servedNames();
  return { indexURL, stdLibURL: indexURL + names.stdlib, lockFileURL: indexURL + names.lockFile };
}
