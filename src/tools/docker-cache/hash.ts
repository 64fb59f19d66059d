/**
 * A small synchronous digest for cache keys. The simulator only needs "same input, same key" and
 * collisions that never happen in practice; a 106-bit non-cryptographic hash (two cyrb53 lanes) is
 * plenty, works in the browser without async WebCrypto, and keeps keys short for display.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Hex digest of a string. */
export function digest(text: string): string {
  const a = cyrb53(text, 1).toString(16).padStart(14, '0');
  const b = cyrb53(text, 2).toString(16).padStart(14, '0');
  return a + b;
}

/** Digest of a structured value; callers build objects with a fixed key order. */
export function digestOf(value: unknown): string {
  return digest(JSON.stringify(value));
}
