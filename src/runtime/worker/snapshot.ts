/**
 * Warm starts from a memory snapshot (Pyodide 0.28's experimental makeMemorySnapshot /
 * _loadSnapshot). After a start without one, a worker of its own starts a second, untouched
 * interpreter in the background and snapshots it (the learner's interpreter already holds
 * JavaScript objects, which a snapshot may not). It is kept in Cache Storage
 * (snapshot-store.ts) under a key naming the exact runtime and recipe, and the next visit
 * restores it, much faster than a start. Any mismatch or error means a normal start: a
 * snapshot is only an optimisation.
 *
 * Packages are not part of it: the files they install and the native libraries they load
 * live outside the wasm memory that a 0.28 snapshot holds.
 */
import { loadPyodide, type PyodideInterface } from 'pyodide';
import {
  installModule,
  RUNNER_MODULES,
  type PythonModuleName,
  type PythonSources,
} from '../session/python-modules';
import { PYODIDE_NAMES, PYODIDE_VERSION } from '../shared/pyodide-version';
import type { RuntimeLocation } from '../shared/served-files';

/** Bump when the snapshot's format or the way it is made changes. */
const RECIPE = 7;

/**
 * What a fresh interpreter is given just before its snapshot is taken, so that a restored one
 * has it ready: standard library modules imported, then our runner's modules installed (they
 * reach no JavaScript when imported: a snapshot may hold no references to JavaScript objects).
 */
export interface SnapshotRecipe {
  preimports: readonly string[];
  /** In the order they are installed, each after those it imports. */
  modules: ReadonlyArray<readonly [name: PythonModuleName, source: string]>;
}

/** Modules the runner imports anyway, some only when first needed; restores skip them all. */
const PREIMPORTS = [
  'ast',
  'contextlib',
  'importlib',
  'io',
  'linecache',
  're',
  'shutil',
  'time',
  'traceback',
  'types',
  'pyodide.code',
  'pyodide.ffi',
];

/** The recipe for a session of these sources: the runner's modules, not the exercises'. */
export function snapshotRecipe(sources: PythonSources): SnapshotRecipe {
  return {
    preimports: PREIMPORTS,
    modules: RUNNER_MODULES.map((name) => [name, sources[name]] as const),
  };
}

type Snapshotting = PyodideInterface & { makeMemorySnapshot(): Uint8Array };

/** Starts a fresh interpreter, gives it the recipe, and returns its memory snapshot. */
export async function makeSnapshot(
  runtime: RuntimeLocation,
  recipe: SnapshotRecipe,
): Promise<Uint8Array> {
  const pyodide = (await loadPyodide({ ...runtime, _makeSnapshot: true })) as Snapshotting;
  for (const name of recipe.preimports) pyodide.pyimport(name).destroy();
  for (const [name, source] of recipe.modules) installModule(pyodide, name, source).destroy();
  return pyodide.makeMemorySnapshot();
}

/**
 * An interpreter restored from a snapshot's bytes, which are then let go. Pyodide keeps the
 * options it was given, and so the bytes, for as long as the interpreter lives, though it has
 * copied them into its own memory by then; moving the buffer out frees them.
 */
export async function restoreSnapshot(
  runtime: RuntimeLocation,
  bytes: Promise<Uint8Array>,
): Promise<PyodideInterface> {
  const pyodide = await loadPyodide({ ...runtime, _loadSnapshot: bytes });
  const used = await bytes;
  structuredClone(used.buffer, { transfer: [used.buffer] });
  return pyodide;
}

/**
 * The cache key: the exact runtime, the way snapshots are made, what the recipe installs, and
 * the standard library it was made over. A snapshot holds Python's index of that zip (where
 * each module's bytes start), so restored over another one it fails to import anything it had
 * not imported yet ("bad local file header"); a build that changes only wheelhouse_checks.py
 * changes the zip and nothing else.
 */
export async function snapshotKey(
  runtime: RuntimeLocation,
  recipe: SnapshotRecipe,
): Promise<string> {
  const made = `${runtime.stdLibURL ?? PYODIDE_NAMES.stdlib}\n${JSON.stringify(recipe)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(made));
  const hash = [...new Uint8Array(digest).slice(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return new URL(
    `__snapshot__/pyodide-${PYODIDE_VERSION}-recipe-${RECIPE}-${hash}.bin`,
    runtime.indexURL,
  ).href;
}
