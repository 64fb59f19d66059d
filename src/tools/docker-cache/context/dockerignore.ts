/**
 * `.dockerignore` with Docker's semantics: moby/patternmatcher's `ignorefile.ReadAll` for reading
 * and `MatchesOrParentMatches` for matching (what BuildKit's context transfer applies per file).
 *
 * We checked `@balena/dockerignore` (a port of an older moby matcher) and did not use it: it
 * matches case-insensitively (Docker on Linux is case-sensitive), it needs Node's `path` module
 * (absent in the browser, where the lab runs), and it predates patternmatcher's exact/prefix/suffix
 * shortcuts, so `**foo` and parent-directory matches differ from Docker's.
 */
import { compilePattern, PatternSyntaxError, type PathPattern } from './glob';
import { cleanPath } from '../paths';

/** Bounds that keep matching fast on hostile input; real ignore files are far smaller. */
const maxLines = 5_000;
const maxPattern = 1_024;

export interface IgnoreRule {
  /** 1-based line in the ignore file. */
  line: number;
  /** The cleaned pattern, without `!`. */
  pattern: string;
  exclusion: boolean;
  compiled: PathPattern;
}

export interface IgnoreFileError {
  line: number;
  message: string;
}

export interface IgnoreMatcher {
  readonly rules: readonly IgnoreRule[];
  /** True when the context path (relative, cleaned) is left out of the build context. */
  ignores(path: string): boolean;
  /** The rule that decided `path` last, if any (for explanations). */
  decidingRule(path: string): IgnoreRule | undefined;
}

/** Parse ignore-file text. Malformed patterns are errors, as `docker build` refuses them too. */
export function parseDockerignore(
  text: string,
): { ok: true; matcher: IgnoreMatcher } | { ok: false; errors: IgnoreFileError[] } {
  const rules: IgnoreRule[] = [];
  const errors: IgnoreFileError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > maxLines) {
    return { ok: false, errors: [{ line: maxLines + 1, message: `more than ${maxLines} lines` }] };
  }
  lines.forEach((raw, index) => {
    const line = index + 1;
    // Only a `#` in column 1 starts a comment; "  # x" is a pattern, as in ReadAll.
    if (raw.startsWith('#')) return;
    let pattern = raw.trim();
    if (pattern === '') return;
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    if (pattern.length > maxPattern) {
      errors.push({ line, message: `line ${line}: pattern longer than ${maxPattern} characters` });
      return;
    }
    if (pattern === '') {
      errors.push({ line, message: `line ${line}: "!" needs a pattern after it` });
      return;
    }
    try {
      rules.push({ line, pattern, exclusion, compiled: compilePattern(pattern) });
    } catch (error) {
      const message = error instanceof PatternSyntaxError ? error.message : String(error);
      errors.push({ line, message: `line ${line}: ${message}` });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, matcher: matcherFromRules(rules) };
}

function matcherFromRules(rules: IgnoreRule[]): IgnoreMatcher {
  const decide = (path: string): { matched: boolean; decider?: IgnoreRule } => {
    const file = cleanPath(path);
    if (file === '.') return { matched: false }; // Docker never lets a pattern exclude the root.
    const slash = file.lastIndexOf('/');
    const parentDirs = slash === -1 ? [] : file.slice(0, slash).split('/');
    let matched = false;
    let decider: IgnoreRule | undefined;
    for (const rule of rules) {
      // Same shortcut as patternmatcher: an include cannot change an already-excluded path and
      // an exclusion only matters once something matched.
      if (rule.exclusion !== matched) continue;
      let match = rule.compiled.matches(file);
      for (let i = 0; !match && i < parentDirs.length; i++) {
        match = rule.compiled.matches(parentDirs.slice(0, i + 1).join('/'));
      }
      if (match) {
        matched = !rule.exclusion;
        decider = rule;
      }
    }
    return decider === undefined ? { matched } : { matched, decider };
  };
  return {
    rules,
    ignores: (path) => decide(path).matched,
    decidingRule: (path) => decide(path).decider,
  };
}
