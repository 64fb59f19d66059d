/**
 * The build context of one build: the scenario's files plus the Dockerfile and .dockerignore
 * themselves (R-CTX-SELF), minus what .dockerignore excludes (R-IGNORE), and the checksums of what
 * a COPY/ADD or bind mount selects (R-COPY-SUM, R-COPY-SELECT): path, mode and content, no mtime.
 */
import type { BuildInput, ContextFile } from '../build/input';
import { parseDockerignore, type IgnoreMatcher } from './dockerignore';
import { compilePattern, PatternSyntaxError } from './glob';
import { digest } from '../build/hash';
import { contextPath, isWithin } from '../paths';

export const dockerfilePath = 'Dockerfile';
export const dockerignorePath = '.dockerignore';
/** A Dockerfile-specific ignore file wins over the root one. */
const specificIgnorePath = 'Dockerfile.dockerignore';

/** What a file contributes to a checksum (tarsum header + content, never mtime). */
export interface FileStamp {
  mode: string;
  digest: string;
  size: number;
}

export interface Selection {
  files: Map<string, FileStamp>;
  /** Sources that matched nothing, with why. */
  missing: Array<{ source: string; excluded: boolean }>;
}

export interface BuildContext {
  /** Every file given, before .dockerignore (for explanations). */
  all: ReadonlyMap<string, ContextFile>;
  ignore: IgnoreMatcher;
  /** Files the builder receives. */
  included: ReadonlyMap<string, ContextFile>;
  select(sources: readonly string[]): Selection;
  stamp(path: string): FileStamp | undefined;
}

const wildcard = /[*?[]/;

export function buildContext(
  input: BuildInput,
): { ok: true; context: BuildContext } | { ok: false; errors: string[] } {
  const all = new Map(input.files);
  all.set(dockerfilePath, { content: input.dockerfile, mode: '0644' });
  if (input.dockerignore !== null)
    all.set(dockerignorePath, { content: input.dockerignore, mode: '0644' });
  const ignoreFile = all.get(specificIgnorePath)?.content ?? input.dockerignore ?? '';
  const parsed = parseDockerignore(ignoreFile);
  if (!parsed.ok)
    return { ok: false, errors: parsed.errors.map((e) => `.dockerignore ${e.message}`) };
  const ignore = parsed.matcher;
  const included = new Map([...all].filter(([path]) => !ignore.ignores(path)));
  const stamps = new Map<string, FileStamp>();
  const stamp = (path: string): FileStamp | undefined => {
    const file = included.get(path);
    if (file === undefined) return undefined;
    let cached = stamps.get(path);
    if (cached === undefined) {
      cached = {
        mode: file.mode,
        digest: digest(file.content),
        size: new TextEncoder().encode(file.content).length,
      };
      stamps.set(path, cached);
    }
    return cached;
  };
  const select = (sources: readonly string[]): Selection => {
    const files = new Map<string, FileStamp>();
    const missing: Selection['missing'] = [];
    for (const source of sources) {
      const matched = matchSource(source, [...included.keys()]);
      for (const path of matched) {
        const s = stamp(path);
        if (s) files.set(path, s);
      }
      if (matched.length === 0) {
        missing.push({ source, excluded: matchSource(source, [...all.keys()]).length > 0 });
      }
    }
    return { files, missing };
  };
  return { ok: true, context: { all, ignore, included, select, stamp } };
}

/** Context paths a COPY source names: a file, a directory's contents, or a wildcard match. */
export function matchSource(source: string, paths: readonly string[]): string[] {
  const clean = contextPath(source);
  if (clean === '.') return [...paths];
  if (clean === '..' || clean.startsWith('../')) return []; // outside the context: an error
  if (!wildcard.test(clean)) return paths.filter((p) => isWithin(p, clean));
  let pattern;
  try {
    pattern = compilePattern(clean, false);
  } catch (error) {
    if (error instanceof PatternSyntaxError) return [];
    throw error;
  }
  const depth = clean.split('/').length;
  return paths.filter((p) => {
    const parts = p.split('/');
    return parts.length >= depth && pattern.matches(parts.slice(0, depth).join('/'));
  });
}
