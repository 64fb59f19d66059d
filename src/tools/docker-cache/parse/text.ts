/**
 * Text-level rules of BuildKit's Dockerfile parser (parser.go, split_command.go), which decide
 * which edits keep a RUN's key (R-PARSE). dockerfile-ast finds the instructions; these helpers
 * rebuild the exact command string BuildKit hashes, because dockerfile-ast's own argument text
 * keeps comment lines and turns continuations into spaces.
 */
import type { CommandForm, Heredoc } from '../model';

export interface LogicalLine {
  text: string;
  /** 0-based index of the physical line where the logical line ends. */
  endLine: number;
  /** 0-based indexes of whitespace-only lines inside the continuation. */
  emptyContinuations: number[];
}

function continuationPattern(escapeChar: string): RegExp {
  return new RegExp(`${escapeChar === '`' ? '`' : '\\\\'}[ \\t]*$`);
}

/**
 * Join one instruction's physical lines as BuildKit does: drop the escape at each line end (spaces
 * before it and the next line's indentation stay), skip comment lines and blank lines inside the
 * continuation, and trim the result.
 */
export function joinLogicalLine(
  lines: readonly string[],
  startLine: number,
  startChar: number,
  lastLine: number,
  escapeChar: string,
): LogicalLine {
  const continues = continuationPattern(escapeChar);
  const emptyContinuations: number[] = [];
  let current = (lines[startLine] ?? '').slice(startChar);
  let text = '';
  let line = startLine;
  for (;;) {
    const more = continues.test(current);
    text += more ? current.replace(continues, '') : current;
    if (!more) break;
    let next = line + 1;
    while (next <= lastLine) {
      const raw = lines[next] ?? '';
      if (/^\s*#/.test(raw)) next++;
      else if (raw.trim() === '') emptyContinuations.push(next++);
      else break;
    }
    if (next > lastLine) {
      line = Math.min(next, lastLine);
      break;
    }
    line = next;
    current = lines[line] ?? '';
  }
  return { text: text.trim(), endLine: line, emptyContinuations };
}

/** Port of BuildKit's extractBuilderFlags: leading `--name[=value]` words and the remainder. */
export function splitFlags(text: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
    if (!text.startsWith('--', pos)) return { flags, rest: text.slice(pos) };
    let word = '';
    let quote = '';
    let blankOk = false;
    for (; pos < text.length; pos++) {
      let ch = text.charAt(pos);
      if (quote === '' && /\s/.test(ch)) break;
      if (quote === '' && (ch === '"' || ch === "'")) {
        quote = ch;
        blankOk = true;
        continue;
      }
      if (quote !== '' && ch === quote) {
        quote = '';
        continue;
      }
      if (ch === '\\' && pos + 1 < text.length) ch = text.charAt(++pos);
      word += ch;
    }
    if (word === '--') return { flags, rest: text.slice(pos).trimStart() };
    if (blankOk || word.length > 0) flags.push(word);
  }
}

/** `--name=value` / `--name` into parts. */
export function flagParts(word: string): { name: string; value: string | null } {
  const body = word.slice(2);
  const eq = body.indexOf('=');
  return eq === -1
    ? { name: body, value: null }
    : { name: body.slice(0, eq), value: body.slice(eq + 1) };
}

/** Heredoc starts in a logical line, in order (`<<EOF`, `<<-EOF`, `<<"EOF"`, `2<<EOF`). */
export function heredocStarts(
  text: string,
): Array<{ name: string; chomp: boolean; expands: boolean }> {
  const found: Array<{ name: string; chomp: boolean; expands: boolean }> = [];
  const pattern = /(?:^|\s)\d*<<(-?)(["']?)([^\s<"']+)\2(?=\s|$)/g;
  for (const match of text.matchAll(pattern)) {
    found.push({ chomp: match[1] === '-', expands: match[2] === '', name: match[3] ?? '' });
  }
  return found;
}

/** Read heredoc bodies after the logical line; `null` when a delimiter never comes. */
export function readHeredocs(
  lines: readonly string[],
  firstLine: number,
  lastLine: number,
  starts: ReturnType<typeof heredocStarts>,
): { heredocs: Heredoc[]; unclosed: string | null } {
  const heredocs: Heredoc[] = [];
  let line = firstLine;
  for (const start of starts) {
    const body: string[] = [];
    let closed = false;
    for (; line <= lastLine; line++) {
      const raw = lines[line] ?? '';
      const candidate = start.chomp ? raw.replace(/^\t+/, '') : raw;
      if (candidate === start.name) {
        closed = true;
        line++;
        break;
      }
      body.push(candidate);
    }
    if (!closed) return { heredocs, unclosed: start.name };
    heredocs.push({ name: start.name, body: body.join('\n'), expands: start.expands });
  }
  return { heredocs, unclosed: null };
}

/** BuildKit's parseMaybeJSON: a JSON array of strings is exec form, anything else shell form. */
export function commandForm(text: string): CommandForm {
  const argv = jsonStringArray(text);
  return argv === null ? { form: 'shell', text } : { form: 'exec', argv };
}

export function jsonStringArray(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const strings: string[] = [];
  for (const item of parsed) {
    if (typeof item !== 'string') return null;
    strings.push(item);
  }
  return strings;
}

/** Split on whitespace, honouring quotes and backslash escapes (COPY/ADD/EXPOSE shell form). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    let ch = text.charAt(i);
    if (quote === '' && /\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (quote === '' && (ch === '"' || ch === "'")) {
      quote = ch;
      continue;
    }
    if (ch === quote) {
      quote = '';
      continue;
    }
    if (ch === '\\' && quote !== "'" && i + 1 < text.length) ch = text.charAt(++i);
    word += ch;
  }
  if (inWord) words.push(word);
  return words;
}

/** Collapse every whitespace run to one space: the display text of an instruction. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
