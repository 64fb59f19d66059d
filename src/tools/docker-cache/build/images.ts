/**
 * Base image references and digests (R-FROM). A scenario maps refs to the digest the registry
 * serves; the builder keeps what it pulled. Without --pull a tag that moved upstream is not
 * noticed (the local image is reused): docs say "--no-cache does not re-pull; --pull does".
 * `refresh: 'always'` models a builder that re-resolves tags on every build (spec §14).
 */
import { digest } from './hash';

export type BaseImageRefresh = 'on-pull' | 'always';

/** `python` → `python:latest`; drops the default registry prefixes. */
export function normalizeRef(ref: string): string {
  let name = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  name = name.replace(/^library\//, '');
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !name.includes('@')) name += ':latest';
  return name;
}

export function pinnedDigest(ref: string): string | null {
  return /@(sha256:[0-9a-f]+)$/i.exec(ref)?.[1] ?? null;
}

/** Digest the registry serves for `ref` in this build. */
export function publishedDigest(ref: string, served: Readonly<Record<string, string>>): string {
  const pinned = pinnedDigest(ref);
  if (pinned) return pinned;
  const wanted = normalizeRef(ref);
  const key =
    Object.keys(served).find((k) => k === ref) ??
    Object.keys(served).find((k) => normalizeRef(k) === wanted);
  return key === undefined ? `sha256:${digest(wanted)}` : (served[key] ?? '');
}

export function resolveDigest(
  ref: string,
  served: Readonly<Record<string, string>>,
  local: ReadonlyMap<string, string>,
  pull: boolean,
  refresh: BaseImageRefresh,
): string {
  const known = local.get(normalizeRef(ref));
  if (pinnedDigest(ref) !== null || known === undefined || pull || refresh === 'always') {
    return publishedDigest(ref, served);
  }
  return known;
}

export function shortDigest(value: string): string {
  return value.replace(/^sha256:/, '').slice(0, 12);
}
