/**
 * A small shell reader for RUN commands: splits a script into simple commands (across `&&`, `||`,
 * `;`, `|`, `&`, newlines, subshells and `$(...)`), removes quotes, comments, redirections and
 * leading `NAME=value` assignments. Lint rules and estimates ask questions of the commands, the
 * way hadolint asks ShellCheck's parse tree (hadolint's Shell.hs).
 */

export interface ShellCommand {
  /** The program as written (`pip`, `/opt/venv/bin/pip`, `apt-get`). */
  name: string;
  args: string[];
  /** `NAME=value` words before the program. */
  assignments: string[];
}

export interface ShellScript {
  commands: ShellCommand[];
  /** A `|` pipe (not `||`) appears. */
  hasPipe: boolean;
}

const keywords = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  '{',
  '(',
  'time',
]);
const closers = new Set(['fi', 'done', 'esac', '}', ')']);
const maxDepth = 20;

export function parseShell(text: string, depth = 0): ShellScript {
  const commands: ShellCommand[] = [];
  let hasPipe = false;
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    const command = toCommand(words);
    if (command) commands.push(command);
    words = [];
  };
  const nested = (inner: string) => {
    if (depth >= maxDepth) return;
    const sub = parseShell(inner, depth + 1);
    commands.push(...sub.commands);
    hasPipe ||= sub.hasPipe;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const next = text.charAt(i + 1);
    if (ch === '\\') {
      if (next === '\n') i++;
      else {
        word += next;
        inWord = true;
        i++;
      }
    } else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close === -1 ? text.length : close;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      const end = closingQuote(text, i + 1);
      const inner = text.slice(i + 1, end);
      for (const sub of substitutions(inner)) nested(sub);
      word += inner.replace(/\\(["\\$`])/g, '$1');
      inWord = true;
      i = end;
    } else if (ch === '$' && next === '(') {
      const end = closingParen(text, i + 2);
      nested(text.slice(i + 2, end));
      word += text.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close === -1 ? text.length : close;
      nested(text.slice(i + 1, end));
      word += text.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (ch === '#' && !inWord) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline - 1;
    } else if (ch === '>' || ch === '<') {
      if (/^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else endWord();
      while (/[<>&|]/.test(text.charAt(i + 1))) i++;
      if (/\d/.test(text.charAt(i + 1)) && text.charAt(i) === '&') i++;
      while (text.charAt(i + 1) === ' ' || text.charAt(i + 1) === '\t') i++;
      // Skip the redirection target.
      while (i + 1 < text.length && !/[\s;&|<>()]/.test(text.charAt(i + 1))) i++;
    } else if (ch === '|' || ch === '&' || ch === ';' || ch === '\n' || ch === '(' || ch === ')') {
      if (ch === '|' && next !== '|' && text.charAt(i - 1) !== '|') hasPipe = true;
      endCommand();
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endCommand();
  return { commands, hasPipe };
}

function toCommand(words: string[]): ShellCommand | null {
  let start = 0;
  while (start < words.length && keywords.has(words[start] ?? '')) start++;
  const assignments: string[] = [];
  while (start < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start] ?? '')) {
    assignments.push(words[start] ?? '');
    start++;
  }
  const name = words[start];
  if (name === undefined || closers.has(name) || name === 'for' || name === 'case') return null;
  return { name, args: words.slice(start + 1), assignments };
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text.charAt(i) === '\\') i++;
    else if (text.charAt(i) === '"') return i;
  }
  return text.length;
}

function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i;
  }
  return text.length;
}

function substitutions(inner: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < inner.length; i++) {
    if (inner.charAt(i) === '$' && inner.charAt(i + 1) === '(') {
      const end = closingParen(inner, i + 2);
      found.push(inner.slice(i + 2, end));
      i = end;
    }
  }
  return found;
}

/** Program name without its directory: `/opt/venv/bin/pip` → `pip`. */
export function programName(command: ShellCommand): string {
  return command.name.slice(command.name.lastIndexOf('/') + 1);
}

/** hadolint's getAllFlags: `--name[=v]` gives `name`, `-abc` gives `a`, `b`, `c`. */
export function flagsOf(command: ShellCommand): string[] {
  const flags: string[] = [];
  for (const arg of command.args) {
    if (arg === '--' || arg === '-') continue;
    if (arg.startsWith('--')) flags.push(arg.slice(2).split('=')[0] ?? '');
    else if (arg.startsWith('-')) flags.push(...arg.slice(1).split(''));
  }
  return flags;
}

export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  return flagsOf(command).some((f) => names.includes(f));
}

/** Arguments that are not flags; values of the named flags (`-t release`) are dropped too. */
export function positionalArgs(
  command: ShellCommand,
  valueFlags: readonly string[] = [],
): string[] {
  const out: string[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i] ?? '';
    if (arg.startsWith('-') && arg !== '-') {
      const name = arg.startsWith('--') ? arg.slice(2) : arg.slice(1);
      if (!name.includes('=') && valueFlags.includes(name)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** `apt-get install ...`: the program matches and one argument is `subcommand`. */
export function runs(
  command: ShellCommand,
  program: string | RegExp,
  subcommand?: string | string[],
): boolean {
  const name = programName(command);
  const matches = typeof program === 'string' ? name === program : program.test(name);
  if (!matches) return false;
  if (subcommand === undefined) return true;
  const wanted = Array.isArray(subcommand) ? subcommand : [subcommand];
  return command.args.some((a) => wanted.includes(a));
}
