/**
 * Warm starts from a memory snapshot (Pyodide 0.28's experimental makeMemorySnapshot /
 * _loadSnapshot). After a start without one, a worker of its own starts a second, untouched
 * interpreter in the background and snapshots it (the learner's interpreter already holds
 * JavaScript objects, which a snapshot may not). It is kept gzip-compressed in Cache Storage
 * under a key naming the exact runtime and recipe, and the next visit loads it (about ten
 * times faster). Any mismatch or error means a normal start: a snapshot is only an optimisation.
 *
 * Packages are not part of it: the files they install and the native libraries they load
 * live outside the wasm memory that a 0.28 snapshot holds.
 */
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { INSTALL_FUNCTION } from './python-modules';
import { PYODIDE_VERSION } from './pyodide-version';

const CACHE_NAME = 'wheelhouse-snapshots';

/** Bump when the snapshot's format or the way it is made changes. */
const RECIPE = 5;

type Snapshotting = PyodideInterface & { makeMemorySnapshot(): Uint8Array };

/** Starts a fresh interpreter, runs the recipe on it, and returns its memory snapshot. */
export async function makeSnapshot(indexURL: string, recipe: string): Promise<Uint8Array> {
  const pyodide = (await loadPyodide({ indexURL, _makeSnapshot: true })) as Snapshotting;
  pyodide.runPython(recipe);
  return pyodide.makeMemorySnapshot();
}

/** Modules the runner imports anyway, imported before the snapshot so restores skip them. */
export const PREIMPORTS =
  'import ast, contextlib, importlib, io, linecache, re, shutil, time, traceback, types, pyodide.code, pyodide.ffi';

/**
 * The Python run on a fresh interpreter just before its snapshot is taken: the imports above,
 * and our own modules compiled and imported (they reach no JavaScript at import time), so a
 * restored interpreter has them ready. Pure Python, no proxies: a snapshot may hold no
 * references to JavaScript objects.
 */
export function snapshotRecipe(modules: Record<string, string>): string {
  return [
    PREIMPORTS,
    INSTALL_FUNCTION,
    // A JSON string is a valid Python string literal.
    ...Object.entries(modules).map(
      ([name, source]) => `install(${JSON.stringify(name)}, ${JSON.stringify(source)})`,
    ),
    'del install',
  ].join('\n');
}

/** The cache key: the exact runtime, the way snapshots are made, and what the recipe installs. */
export async function snapshotKey(indexURL: string, recipe: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(recipe));
  const hash = [...new Uint8Array(digest).slice(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return new URL(`__snapshot__/pyodide-${PYODIDE_VERSION}-recipe-${RECIPE}-${hash}.bin`, indexURL)
    .href;
}

function available(): boolean {
  return typeof caches !== 'undefined';
}

/** The saved snapshot's response, if there is one (cheap: its bytes are read later). */
export async function findSnapshot(key: string): Promise<Response | undefined> {
  if (!available()) return undefined;
  return (await (await caches.open(CACHE_NAME)).match(key)) ?? undefined;
}

/**
 * A snapshot as stored: gzip, about a quarter of its 21 MB. Unpacking it costs a warm start
 * about 0.1 s more than reading it raw (measured in headless Chromium on two cores), which
 * buys 16 MB less of the learner's disk.
 */
export function packSnapshot(bytes: Uint8Array): Response {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(body, { headers: { 'Content-Type': 'application/gzip' } });
}

/** The snapshot's bytes from a stored response (rejects when they are damaged). */
export async function unpackSnapshot(stored: Response): Promise<Uint8Array> {
  if (!stored.body) throw new Error('the stored snapshot is empty');
  const body = stored.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** Stores a snapshot, replacing any other. */
export async function saveSnapshot(key: string, bytes: Uint8Array): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(CACHE_NAME);
  await cache.put(key, packSnapshot(bytes));
  for (const request of await cache.keys()) {
    if (request.url !== key) await cache.delete(request);
  }
}

export async function dropSnapshot(key: string): Promise<void> {
  if (available()) await (await caches.open(CACHE_NAME)).delete(key);
}
