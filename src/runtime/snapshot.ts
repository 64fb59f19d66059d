/**
 * Warm starts from a memory snapshot (Pyodide 0.28's experimental makeMemorySnapshot /
 * _loadSnapshot). The first start makes one before any of our code touches the interpreter;
 * it is kept gzip-compressed in Cache Storage under a key naming the exact runtime and
 * recipe, and the next visit loads it (about ten times faster). Any mismatch or error means
 * a normal start: a snapshot is only ever an optimisation.
 */
import { PYODIDE_VERSION } from './pyodide-version';

const CACHE_NAME = 'wheelhouse-snapshots';

/** Bump when PREIMPORTS (or anything else that shapes the snapshot) changes. */
const RECIPE = 1;

/** Modules the runner imports anyway, imported before the snapshot so restores skip them. */
export const PREIMPORTS =
  'import ast, contextlib, importlib, io, json, linecache, re, shutil, time, traceback, tracemalloc, types, pyodide.code, pyodide.ffi';

export function snapshotKey(indexURL: string): string {
  return new URL(`__snapshot__/pyodide-${PYODIDE_VERSION}-recipe-${RECIPE}.bin`, indexURL).href;
}

function available(): boolean {
  return typeof caches !== 'undefined' && typeof DecompressionStream !== 'undefined';
}

export async function readSnapshot(key: string): Promise<Uint8Array | undefined> {
  if (!available()) return undefined;
  const response = await (await caches.open(CACHE_NAME)).match(key);
  if (!response?.body) return undefined;
  const plain = response.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(plain).arrayBuffer());
}

/** Stores a snapshot (replacing any other), compressing it off the interpreter's path. */
export async function saveSnapshot(key: string, bytes: Uint8Array): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(CACHE_NAME);
  const compressed = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  await cache.put(
    key,
    new Response(compressed, { headers: { 'Content-Type': 'application/octet-stream' } }),
  );
  for (const request of await cache.keys()) {
    if (request.url !== key) await cache.delete(request);
  }
}

export async function dropSnapshot(key: string): Promise<void> {
  if (available()) await (await caches.open(CACHE_NAME)).delete(key);
}
