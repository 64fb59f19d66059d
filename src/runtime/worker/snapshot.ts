/**
 * Warm starts from a memory snapshot (Pyodide 0.28's experimental makeMemorySnapshot /
 * _loadSnapshot). After a start without one, a worker of its own starts a second, untouched
 * interpreter in the background and snapshots it (the learner's interpreter already holds
 * JavaScript objects, which a snapshot may not). It is kept zstd-compressed in Cache Storage
 * under a key naming the exact runtime and recipe, and the next visit loads it (about ten
 * times faster). Any mismatch or error means a normal start: a snapshot is only an optimisation.
 *
 * Packages are not part of it: the files they install and the native libraries they load
 * live outside the wasm memory that a 0.28 snapshot holds.
 */
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { INSTALL_FUNCTION } from '../session/python-modules';
import { PYODIDE_NAMES, PYODIDE_VERSION } from '../shared/pyodide-version';
import type { RuntimeLocation } from '../shared/served-files';

const CACHE_NAME = 'wheelhouse-snapshots';

/** Bump when the snapshot's format or the way it is made changes. */
const RECIPE = 6;

type Snapshotting = PyodideInterface & { makeMemorySnapshot(): Uint8Array };

/** Starts a fresh interpreter, runs the recipe on it, and returns its memory snapshot. */
export async function makeSnapshot(runtime: RuntimeLocation, recipe: string): Promise<Uint8Array> {
  const pyodide = (await loadPyodide({ ...runtime, _makeSnapshot: true })) as Snapshotting;
  pyodide.runPython(recipe);
  return pyodide.makeMemorySnapshot();
}

/**
 * An interpreter restored from a snapshot's bytes, which are then let go. Pyodide keeps the
 * options it was given, and so the bytes, for as long as the interpreter lives, though it has
 * copied them into its own memory by then; moving the buffer out frees those 21 MB.
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

/**
 * The cache key: the exact runtime, the way snapshots are made, what the recipe installs, and
 * the standard library it was made over. A snapshot holds Python's index of that zip (where
 * each module's bytes start), so restored over another one it fails to import anything it had
 * not imported yet ("bad local file header"); a build that changes only checks.py changes the
 * zip and nothing else.
 */
export async function snapshotKey(runtime: RuntimeLocation, recipe: string): Promise<string> {
  const made = `${runtime.stdLibURL ?? PYODIDE_NAMES.stdlib}\n${recipe}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(made));
  const hash = [...new Uint8Array(digest).slice(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  return new URL(
    `__snapshot__/pyodide-${PYODIDE_VERSION}-recipe-${RECIPE}-${hash}.bin`,
    runtime.indexURL,
  ).href;
}

function available(): boolean {
  return typeof caches !== 'undefined';
}

/** The saved snapshot's response, if there is one (cheap: its bytes are read later). */
export async function findSnapshot(key: string): Promise<Response | undefined> {
  if (!available()) return undefined;
  return (await (await caches.open(CACHE_NAME)).match(key)) ?? undefined;
}

/** The stored snapshot's SHA-256 (of its compressed bytes), checked before it is unpacked. */
const DIGEST_HEADER = 'X-Snapshot-Sha256';

/** zstd's level for snapshots: 21 MB to about 4.9 MB, made in the background in well under 1 s. */
const ZSTD_LEVEL = 3;

type Zstd = typeof import('@bokuweb/zstd-wasm');
let zstd: Promise<Zstd> | undefined;

/**
 * zstd (the reference C library built to wasm), fetched and instantiated once, when the
 * first snapshot is packed or unpacked. The unpacking is on the path of every warm start: in
 * headless Chromium a fresh worker's first unpack took 76 ms against 117 ms for the browser's
 * gzip DecompressionStream (35 against 114 once the code is warm), and its output is smaller.
 */
export function loadSnapshotCodec(): Promise<Zstd> {
  zstd ??= import('@bokuweb/zstd-wasm').then(async (codec) => {
    await codec.init();
    return codec;
  });
  zstd.catch(() => {
    zstd = undefined; // a later start may try again
  });
  return zstd;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A snapshot as stored: zstd, under a quarter of its 21 MB, with the SHA-256 of those bytes
 * in a header so that damaged ones are refused rather than restored.
 */
export async function packSnapshot(bytes: Uint8Array): Promise<Response> {
  const packed = (await loadSnapshotCodec()).compress(bytes, ZSTD_LEVEL);
  return new Response(packed as BlobPart, {
    headers: { 'Content-Type': 'application/zstd', [DIGEST_HEADER]: await sha256(packed) },
  });
}

/** The snapshot's bytes from a stored response (rejects when they are damaged). */
export async function unpackSnapshot(stored: Response): Promise<Uint8Array> {
  const [codec, packed] = await Promise.all([
    loadSnapshotCodec(),
    stored.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
  ]);
  const expected = stored.headers.get(DIGEST_HEADER);
  if (!expected) throw new Error('the stored snapshot has no digest');
  if ((await sha256(packed)) !== expected) throw new Error('the stored snapshot is damaged');
  return codec.decompress(packed);
}

/** The saved snapshot's bytes (rejects when there is none under `key`, or it is damaged). */
export async function readSnapshot(key: string): Promise<Uint8Array> {
  const stored = await findSnapshot(key);
  if (!stored) throw new Error('no saved snapshot');
  return unpackSnapshot(stored);
}

/** Stores a snapshot, replacing any other. */
export async function saveSnapshot(key: string, bytes: Uint8Array): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(CACHE_NAME);
  await cache.put(key, await packSnapshot(bytes));
  for (const request of await cache.keys()) {
    if (request.url !== key) await cache.delete(request);
  }
}

export async function dropSnapshot(key: string): Promise<void> {
  if (available()) await (await caches.open(CACHE_NAME)).delete(key);
}
