/**
 * Which Ruff rules an editor checks. Learners get real mistakes, not style nits: pyflakes (F),
 * pycodestyle errors (E, not the W warnings) and bugbear (B), with lines up to 100 characters and
 * without B905 (`zip()` without `strict=`), which would flag nearly every zip in teaching code.
 * A pack may choose its own: `select` replaces the default set (as in Ruff's own settings),
 * `ignore` adds to what is ignored.
 */
import type { RuffSettings } from './protocol';

export interface LintRules {
  /** Rule codes or prefixes to check, e.g. `["F", "E", "B", "UP"]`. */
  select?: string[];
  /** Rule codes or prefixes to leave out, e.g. `["E501"]`. */
  ignore?: string[];
}

/** An editor's lint setting: rules to merge over the defaults, or `false` for no linting. */
export type LintSetting = LintRules | false;

export const DEFAULT_RULES = {
  select: ['F', 'E', 'B'],
  ignore: ['B905'],
} as const satisfies LintRules;

export const LINE_LENGTH = 100;

/** The Python that Pyodide 0.28 runs, so version-dependent rules judge the right syntax. */
export const TARGET_VERSION = 'py313';

/**
 * Imports after other cells' code are normal in a notebook, so E402 (import not at the top)
 * does not apply when a cell is linted together with its neighbours.
 */
const IGNORED_WITH_NEIGHBOURS = ['E402'];

export function ruffSettings(rules: LintRules = {}, withNeighbours = false): RuffSettings {
  const select = rules.select ?? DEFAULT_RULES.select;
  const ignore = [
    ...DEFAULT_RULES.ignore,
    ...(rules.ignore ?? []),
    ...(withNeighbours ? IGNORED_WITH_NEIGHBOURS : []),
  ];
  return {
    'line-length': LINE_LENGTH,
    'target-version': TARGET_VERSION,
    lint: { select: normalise(select), ignore: normalise(ignore) },
  };
}

/** Trimmed, upper-case, unique and sorted: equal settings share one Ruff workspace. */
function normalise(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim().toUpperCase()).filter(Boolean))].sort();
}
