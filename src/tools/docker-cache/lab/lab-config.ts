/**
 * What a Docker cache lab starts from: the Dockerfile, the build context, the build settings,
 * and the changes a learner can make with one click before rebuilding. Plain data, so presets,
 * lesson widgets and tests can build one without the UI.
 */
import type { BuilderName } from '../build/types';

/** A one-click edit of the context, e.g. "Edit app/main.py" or "Add a dependency". */
export interface LabChange {
  label: string;
  /** New contents by path; null deletes the file. */
  files: Record<string, string | null>;
  /** Build args to set (merged over the current ones). */
  buildArgs: Record<string, string>;
}

export interface LabConfig {
  dockerfile: string;
  /** The build context without the Dockerfile and .dockerignore: {path: content}. */
  files: Record<string, string>;
  /** The .dockerignore text; null when the project has none. */
  dockerignore: string | null;
  buildArgs: Record<string, string>;
  /** The --target stage; null builds the last stage. */
  target: string | null;
  builder: BuilderName;
  changes: LabChange[];
}

/** A change applied to a set of files: edited, added, and deleted paths. */
export function changedFiles(
  files: Readonly<Record<string, string>>,
  change: Pick<LabChange, 'files'>,
): Record<string, string> {
  const next = { ...files };
  for (const [path, content] of Object.entries(change.files)) {
    if (content === null) delete next[path];
    else next[path] = content;
  }
  return next;
}

/** Whether the files and build args already look the way the change would leave them. */
export function isApplied(
  change: LabChange,
  files: Readonly<Record<string, string>>,
  buildArgs: Readonly<Record<string, string>>,
): boolean {
  const filesMatch = Object.entries(change.files).every(([path, content]) =>
    content === null ? !(path in files) : files[path] === content,
  );
  const argsMatch = Object.entries(change.buildArgs).every(
    ([name, value]) => buildArgs[name] === value,
  );
  return filesMatch && argsMatch;
}
