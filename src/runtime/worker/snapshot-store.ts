/**
 * Where memory snapshots are kept (snapshot.ts makes them): in Cache Storage, one at a time,
 * zstd-compressed and with their digest, under the key that names what they hold.
 */

const CACHE_NAME = 'wheelhouse-snapshots';

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

/** zstd's level for snapshots: a quarter of the size or less, fast enough to make in the background. */
const ZSTD_LEVEL = 3;

type Zstd = typeof import('@bokuweb/zstd-wasm');
let zstd: Promise<Zstd> | undefined;

/**
 * zstd (the reference C library built to wasm), fetched and instantiated once, when the
 * first snapshot is packed or unpacked. The unpacking is on the path of every warm start,
 * where it beat the browser's own gzip DecompressionStream (docs/start-up.md), and its
 * output is smaller.
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
 * A snapshot as stored: zstd, with the SHA-256 of those bytes in a header so that damaged
 * ones are refused rather than restored.
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
