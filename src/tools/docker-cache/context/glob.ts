/**
 * Go-style path patterns, as Docker uses them in `.dockerignore` (moby/patternmatcher) and in COPY
 * wildcards (`filepath.Match` per path). Matching runs on a token list with a dynamic-programming
 * table instead of a JavaScript RegExp: Go's RE2 is linear-time, while a backtracking RegExp built
 * from `a*a*a*a*b` can take exponential time on hostile input.
 */

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'one' } // `?`: one character except `/`
  | { kind: 'star' } // `*`: any run without `/`
  | { kind: 'dirs' } // `**` before more pattern: `(.*/)?`
  | { kind: 'rest' } // `**` at the end: `.*`
  | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };

/** How patternmatcher decides to compare, reproduced because its shortcuts differ from its regex. */
type MatchType = 'exact' | 'prefix' | 'suffix' | 'tokens';

export interface PathPattern {
  readonly source: string;
  matches(path: string): boolean;
}

export class PatternSyntaxError extends Error {}

/** Compile a cleaned pattern. `doubleStar: false` gives plain filepath.Match (COPY wildcards). */
export function compilePattern(pattern: string, doubleStar = true): PathPattern {
  const chars = Array.from(pattern);
  const tokens: Token[] = [];
  let type: MatchType = 'exact';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '*' && doubleStar && chars[i + 1] === '*') {
      const first = i === 0;
      i++;
      if (chars[i + 1] === '/') i++;
      if (i + 1 >= chars.length) {
        tokens.push({ kind: 'rest' });
        type = type === 'exact' ? 'prefix' : 'tokens';
      } else {
        tokens.push({ kind: 'dirs' });
        type = 'tokens';
      }
      if (first) type = 'suffix';
    } else if (ch === '*') {
      tokens.push({ kind: 'star' });
      type = 'tokens';
    } else if (ch === '?') {
      tokens.push({ kind: 'one' });
      type = 'tokens';
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined) throw new PatternSyntaxError(`pattern "${pattern}" ends with "\\"`);
      tokens.push({ kind: 'char', char: next });
      type = 'tokens';
      i++;
    } else if (ch === '[') {
      const parsed = parseClass(chars, i + 1, pattern);
      tokens.push(parsed.token);
      i = parsed.end;
      type = 'tokens';
    } else {
      tokens.push({ kind: 'char', char: ch });
    }
  }
  return { source: pattern, matches: matcherFor(type, pattern, tokens) };
}

function matcherFor(type: MatchType, pattern: string, tokens: Token[]): (path: string) => boolean {
  switch (type) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      // patternmatcher's shortcut: `**/foo` is "ends with /foo, or is foo"; `**foo` is "ends with foo".
      const suffix = pattern.slice(2);
      return (path) =>
        path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'tokens':
      return (path) => matchTokens(tokens, Array.from(path));
  }
}

function parseClass(
  chars: string[],
  start: number,
  pattern: string,
): { token: Token; end: number } {
  let i = start;
  let negated = false;
  if (chars[i] === '^') {
    negated = true;
    i++;
  }
  const ranges: Array<[string, string]> = [];
  const bad = () => new PatternSyntaxError(`pattern "${pattern}" has a malformed [...] class`);
  const readChar = (): string => {
    let c = chars[i];
    if (c === undefined || c === '-' || c === ']') throw bad();
    if (c === '\\') {
      i++;
      c = chars[i];
      if (c === undefined) throw bad();
    }
    i++;
    return c;
  };
  do {
    const lo = readChar();
    let hi = lo;
    if (chars[i] === '-') {
      i++;
      hi = readChar();
    }
    if (hi < lo) throw bad();
    ranges.push([lo, hi]);
  } while (chars[i] !== ']' && i < chars.length);
  if (chars[i] !== ']') throw bad();
  return { token: { kind: 'class', negated, ranges }, end: i };
}

function classMatches(token: Extract<Token, { kind: 'class' }>, ch: string): boolean {
  const inside = token.ranges.some(([lo, hi]) => ch >= lo && ch <= hi);
  return inside !== token.negated;
}

/** dp[i][j]: tokens[i..] match text[j..]. Filled backwards; O(tokens × text). */
function matchTokens(tokens: Token[], text: string[]): boolean {
  const width = text.length + 1;
  let next = new Uint8Array(width);
  next[text.length] = 1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token === undefined) continue;
    const row = new Uint8Array(width);
    let carry = 0; // running value for tokens that look ahead (`**`)
    for (let j = text.length; j >= 0; j--) {
      const ch = text[j];
      const advance = ch !== undefined && next[j + 1] === 1;
      switch (token.kind) {
        case 'char':
          row[j] = advance && ch === token.char ? 1 : 0;
          break;
        case 'one':
          row[j] = advance && ch !== '/' ? 1 : 0;
          break;
        case 'class':
          row[j] = advance && classMatches(token, ch as string) ? 1 : 0;
          break;
        case 'star':
          row[j] = next[j] === 1 || (ch !== undefined && ch !== '/' && row[j + 1] === 1) ? 1 : 0;
          break;
        case 'dirs':
          if (ch !== undefined && ch === '/' && next[j + 1] === 1) carry = 1;
          row[j] = next[j] === 1 || carry === 1 ? 1 : 0;
          break;
        case 'rest':
          if (next[j] === 1) carry = 1;
          row[j] = carry;
          break;
      }
    }
    next = row;
  }
  return next[0] === 1;
}
