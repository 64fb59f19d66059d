/**
 * Warm starts from a memory snapshot (Pyodide 0.28's experimental makeMemorySnapshot /
 * _loadSnapshot). The first start makes one before any of our code touches the interpreter;
 * it is kept in Cache Storage under a key naming the exact runtime and
 * recipe, and the next visit loads it (about ten times faster). Any mismatch or error means
 * a normal start: a snapshot is only ever an optimisation.
 */
import { PYODIDE_VERSION } from './pyodide-version';

const CACHE_NAME = 'wheelhouse-snapshots';

/** Bump when the snapshot's format or the way it is made changes. */
const RECIPE = 4;

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
    'import sys, types',
    'def _wheelhouse_install(name, source):',
    '    module = sys.modules[name] = types.ModuleType(name)',
    '    exec(compile(source, name + ".py", "exec"), module.__dict__)',
    // A JSON string is a valid Python string literal.
    ...Object.entries(modules).map(
      ([name, source]) => `_wheelhouse_install(${JSON.stringify(name)}, ${JSON.stringify(source)})`,
    ),
    'del _wheelhouse_install',
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
 * Stores a snapshot (replacing any other). Uncompressed: the snapshot is read on every warm
 * start, where decompressing its ~20 MB took longer than reading them, and disk is cheaper
 * than a learner's wait.
 */
export async function saveSnapshot(key: string, bytes: Uint8Array): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(CACHE_NAME);
  await cache.put(
    key,
    new Response(bytes as BlobPart, { headers: { 'Content-Type': 'application/octet-stream' } }),
  );
  for (const request of await cache.keys()) {
    if (request.url !== key) await cache.delete(request);
  }
}

export async function dropSnapshot(key: string): Promise<void> {
  if (available()) await (await caches.open(CACHE_NAME)).delete(key);
}
