/**
 * A builder's cache (R-STORE): every result it ever produced, not only the last build's. Each
 * builder instance has its own; the lab keeps one per builder to chain Build → Rebuild → ...
 */
import type { KeyParts } from './plan';

export interface CacheStore {
  /** Cache key → output id. */
  layers: Map<string, string>;
  /** Normalised image ref → digest in the local image store. */
  images: Map<string, string>;
  /** Chain (parent output id) → key parts recorded on it, to explain later misses. */
  history: Map<string, KeyParts[]>;
  /** Cache mounts (by id) that earlier builds filled, so a RUN using them starts warm. */
  cacheMounts: Set<string>;
  /** Builds run so far. */
  builds: number;
}

export function emptyCache(): CacheStore {
  return {
    layers: new Map(),
    images: new Map(),
    history: new Map(),
    cacheMounts: new Set(),
    builds: 0,
  };
}

/** History bucket of a step: its parent, or its kind for parent-less COPY --link steps. */
export function historyKey(parts: KeyParts): string {
  return parts.chain ?? `link:${parts.kind}`;
}
