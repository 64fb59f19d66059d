/** PEP 440 versions, parsed and ordered with `@renovatebot/pep440`. */
import { compare as renovateCompare, explain } from '@renovatebot/pep440';

export interface ParsedVersion {
  readonly text: string;
  readonly epoch: number;
  /** Release numbers with trailing zeros removed (1.0.0 and 1 are the same release). */
  readonly release: readonly number[];
  /** Release numbers as written (`==1.2.*` prefix matching needs their count). */
  readonly writtenRelease: readonly number[];
  /** PEP 440 pre-release: has a pre-release or a development segment. */
  readonly prerelease: boolean;
  readonly postrelease: boolean;
  readonly local: boolean;
  readonly publicText: string;
  /** The pre-release segment, normalised (`rc1`), or ''. */
  readonly preText: string;
  readonly post: number | null;
  /** No pre, post, dev or local segment: ordered by epoch and release numbers alone. */
  readonly plain: boolean;
}

const plainRelease = /^\d+(?:\.\d+)*$/;

export function parseVersion(text: string): ParsedVersion | null {
  // Most versions are bare release numbers; reading those directly keeps big indexes cheap.
  if (plainRelease.test(text)) {
    const writtenRelease = text.split('.').map(Number);
    const release = [...writtenRelease];
    while (release.length > 0 && release[release.length - 1] === 0) release.pop();
    return {
      text,
      epoch: 0,
      release,
      writtenRelease,
      prerelease: false,
      postrelease: false,
      local: false,
      publicText: text,
      preText: '',
      post: null,
      plain: true,
    };
  }
  const info = explain(text);
  if (!info) return null;
  const release = [...info.release];
  while (release.length > 0 && release[release.length - 1] === 0) release.pop();
  return {
    text,
    epoch: info.epoch,
    release,
    writtenRelease: [...info.release],
    prerelease: info.is_prerelease,
    postrelease: info.is_postrelease,
    local: info.local !== null,
    publicText: info.public,
    // explain() reports pre as [letter, number] and post as a number (its typings say arrays).
    preText: Array.isArray(info.pre) ? info.pre.join('') : '',
    post: typeof info.post === 'number' ? info.post : null,
    plain: !info.is_prerelease && !info.is_postrelease && info.local === null,
  };
}

function compareReleases(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * PEP 440 order. Plain releases (the vast majority) compare by their numbers directly; the library
 * re-parses both strings on every call, which made sorting a large index the slowest part of solving.
 */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  if (a.plain && b.plain) {
    return a.epoch !== b.epoch ? a.epoch - b.epoch : compareReleases(a.release, b.release);
  }
  return renovateCompare(a.text, b.text);
}
