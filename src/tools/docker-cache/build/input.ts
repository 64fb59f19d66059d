/** One build as the simulator sees it, and how a scenario describes its two builds. */
import { contextPath } from '../paths';
import type { Scenario } from '../scenario';

export interface ContextFile {
  content: string;
  /** Four-digit octal mode, e.g. "0644". */
  mode: string;
}

export interface BuildFlags {
  noCache: boolean;
  /** Stages named by --no-cache-filter (lower-case). */
  noCacheFilter: string[];
  pull: boolean;
  target: string | null;
}

export interface BuildInput {
  dockerfile: string;
  dockerignore: string | null;
  /** The context as given (before .dockerignore), without the Dockerfile itself. */
  files: ReadonlyMap<string, ContextFile>;
  buildArgs: Readonly<Record<string, string>>;
  flags: BuildFlags;
  target: string | null;
  /** {image ref: digest} the registry serves during this build. */
  baseImages: Readonly<Record<string, string>>;
  /** {url: content} served to ADD. */
  remote: Readonly<Record<string, string>>;
  /** Paths whose mtime alone changed before this build. */
  touched: ReadonlySet<string>;
  /** "stage:/path" outputs assumed byte-identical when their stage re-runs. */
  reproducible: readonly string[];
  /** Whether persistent cache mounts are warm (null: warm unless first build or --no-cache). */
  cacheMountWarm: boolean | null;
}

export const defaultFlags: BuildFlags = {
  noCache: false,
  noCacheFilter: [],
  pull: false,
  target: null,
};

function normaliseMode(mode: string | undefined): string {
  return mode === undefined ? '0644' : mode.padStart(4, '0');
}

function contextFiles(
  files: Record<string, string>,
  modes: Record<string, string> | undefined,
): Map<string, ContextFile> {
  const out = new Map<string, ContextFile>();
  const modeByPath = new Map(Object.entries(modes ?? {}).map(([p, m]) => [contextPath(p), m]));
  for (const [path, content] of Object.entries(files)) {
    const clean = contextPath(path);
    out.set(clean, { content, mode: normaliseMode(modeByPath.get(clean)) });
  }
  return out;
}

/** Parse `build_flags_after`; unknown flags are reported, not fatal (they rarely affect cache). */
export function parseBuildFlags(words: readonly string[]): {
  flags: BuildFlags;
  warnings: string[];
} {
  const flags: BuildFlags = { ...defaultFlags, noCacheFilter: [] };
  const warnings: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const [name, inline] = word.includes('=')
      ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]
      : [word, undefined];
    const value = (): string => inline ?? words[++i] ?? '';
    if (name === '--no-cache') flags.noCache = inline !== 'false';
    else if (name === '--pull') flags.pull = inline !== 'false';
    else if (name === '--no-cache-filter')
      flags.noCacheFilter.push(...value().toLowerCase().split(',').filter(Boolean));
    else if (name === '--target') flags.target = value();
    else warnings.push(`build_flags_after: ${word} has no effect on the cache simulation`);
  }
  return { flags, warnings };
}

/** The first and second build a scenario describes. */
export function scenarioBuilds(scenario: Scenario): {
  before: BuildInput;
  after: BuildInput;
  warnings: string[];
} {
  const { flags, warnings } = parseBuildFlags(scenario.build_flags_after ?? []);
  const target = scenario.target ?? null;
  const before: BuildInput = {
    dockerfile: scenario.dockerfile,
    dockerignore: scenario.dockerignore ?? null,
    files: contextFiles(scenario.files_before, scenario.file_modes_before),
    buildArgs: scenario.build_args_before ?? {},
    flags: defaultFlags,
    target,
    baseImages: scenario.base_images_before ?? {},
    remote: scenario.remote_before ?? {},
    touched: new Set(),
    reproducible: scenario.reproducible_outputs ?? [],
    cacheMountWarm: null,
  };
  const after: BuildInput = {
    dockerfile: scenario.dockerfile_after ?? scenario.dockerfile,
    dockerignore: scenario.dockerignore_after ?? before.dockerignore,
    files: contextFiles(
      scenario.files_after ?? scenario.files_before,
      scenario.file_modes_after ?? scenario.file_modes_before,
    ),
    buildArgs: scenario.build_args_after ?? before.buildArgs,
    flags,
    target: flags.target ?? target,
    baseImages: { ...before.baseImages, ...scenario.base_images_after },
    remote: { ...before.remote, ...scenario.remote_after },
    touched: new Set((scenario.touched_after ?? []).map(contextPath)),
    reproducible: before.reproducible,
    cacheMountWarm: scenario.sim_hints?.cache_mount_warm ?? null,
  };
  return { before, after, warnings };
}
