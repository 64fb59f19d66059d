/** Learner sentences about which checksummed files differ between two builds. */
import type { BuildInput } from '../build/input';
import type { FileStamp } from '../context';
import { dockerfilePath, dockerignorePath } from '../context';

export interface ContextChanges {
  /** Context paths (before .dockerignore) added, removed, or changed in content or mode. */
  changed: ReadonlySet<string>;
  /** Paths whose mtime alone changed. */
  touched: ReadonlySet<string>;
  ignored(path: string): boolean;
}

type FileDiff = {
  path: string;
  what: 'changed' | 'added' | 'deleted' | 'mode';
  from?: string;
  to?: string;
};

export function diffFiles(
  before: Readonly<Record<string, FileStamp>>,
  after: Readonly<Record<string, FileStamp>>,
): FileDiff[] {
  const diffs: FileDiff[] = [];
  for (const [path, stamp] of Object.entries(after)) {
    const old = before[path];
    if (old === undefined) diffs.push({ path, what: 'added' });
    else if (old.digest !== stamp.digest) diffs.push({ path, what: 'changed' });
    else if (old.mode !== stamp.mode)
      diffs.push({ path, what: 'mode', from: old.mode, to: stamp.mode });
  }
  for (const path of Object.keys(before))
    if (!(path in after)) diffs.push({ path, what: 'deleted' });
  // The Dockerfile first: it is the surprise learners need to see (R-CTX-SELF).
  const rank = (d: FileDiff) =>
    d.path === dockerfilePath ? 0 : d.path === dockerignorePath ? 1 : 2;
  return diffs.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : 1));
}

function display(path: string): string {
  return path === dockerfilePath ? 'the Dockerfile' : path;
}

function describe(diff: FileDiff, changes: ContextChanges | null): string {
  const name = display(diff.path);
  const viaIgnore = changes !== null && !changes.changed.has(diff.path);
  switch (diff.what) {
    case 'changed':
      return `${name} changed`;
    case 'mode':
      return `${name} changed mode ${diff.from ?? ''} → ${diff.to ?? ''} (permissions are part of the checksum)`;
    case 'added':
      return viaIgnore
        ? `${name} is now in the context (.dockerignore changed)`
        : `${name} was added`;
    case 'deleted':
      return viaIgnore ? `${name} is now excluded by .dockerignore` : `${name} was deleted`;
  }
}

/** "src/app.py changed and COPY . . reads it" */
export function filesSentence(
  diffs: FileDiff[],
  reader: string,
  changes: ContextChanges | null,
): string {
  const first = diffs[0];
  if (first === undefined) return '';
  const more =
    diffs.length > 1 ? ` (and ${diffs.length - 1} more file${diffs.length > 2 ? 's' : ''})` : '';
  const selfNote =
    first.path === dockerfilePath ? ' (the Dockerfile is part of the build context)' : '';
  return `${describe(first, changes)}${more} and ${reader} reads ${diffs.length > 1 ? 'them' : 'it'}${selfNote}`;
}

function under(path: string, sources: readonly string[]): boolean {
  return sources.some((s) => {
    const clean = s.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    return (
      clean === '' ||
      clean === '.' ||
      path === clean ||
      path.startsWith(`${clean}/`) ||
      /[*?[]/.test(clean)
    );
  });
}

/** Why a COPY hit although something in the context changed, if anything did. */
export function copyHitNote(
  files: Readonly<Record<string, FileStamp>>,
  sources: readonly string[],
  reader: string,
  changes: ContextChanges | null,
): string | null {
  if (changes === null) return null;
  const selected = Object.keys(files);
  const touched = selected.find((p) => changes.touched.has(p));
  if (touched)
    return `${touched} was only touched; modification times are not part of the checksum`;
  const changed = [...changes.changed];
  const ignored = changed.find((p) => changes.ignored(p) && under(p, sources));
  if (ignored) return `${display(ignored)} changed, but .dockerignore leaves it out of the context`;
  const outside = changed.find((p) => !changes.ignored(p) && !(p in files));
  if (outside && selected.length > 0)
    return `${display(outside)} changed, but ${reader} does not read it`;
  return null;
}

/** What changed in the context between two builds, Dockerfile and .dockerignore included. */
export function contextChanges(
  previous: BuildInput,
  input: BuildInput,
  ignored: (path: string) => boolean,
): ContextChanges {
  const withSelf = (build: BuildInput) => {
    const files = new Map(build.files);
    files.set(dockerfilePath, { content: build.dockerfile, mode: '0644' });
    if (build.dockerignore !== null)
      files.set(dockerignorePath, { content: build.dockerignore, mode: '0644' });
    return files;
  };
  const before = withSelf(previous);
  const after = withSelf(input);
  const changed = new Set<string>();
  for (const [path, file] of after) {
    const old = before.get(path);
    if (old === undefined || old.content !== file.content || old.mode !== file.mode)
      changed.add(path);
  }
  for (const path of before.keys()) if (!after.has(path)) changed.add(path);
  return { changed, touched: input.touched, ignored };
}
