/**
 * The bounded text behind an Output log: chunks of one kind each, trimmed from the front so the
 * page keeps at most `maxLines` lines and `maxChars` characters however much a program prints.
 */

export type LogKind = 'stdout' | 'stderr' | 'stdin' | 'note';

export interface LogChunk {
  id: number;
  kind: LogKind;
  text: string;
  /** Newlines in `text`. */
  lines: number;
}

export interface LogState {
  chunks: LogChunk[];
  /** Lines dropped from the front (or never sent because the worker dropped them). */
  hiddenLines: number;
  nextId: number;
}

export interface LogLimits {
  maxLines: number;
  maxChars: number;
  /** A chunk stops growing at this many lines, so trimming can drop whole chunks. */
  chunkLines: number;
}

export const DEFAULT_LIMITS: LogLimits = { maxLines: 5000, maxChars: 2_000_000, chunkLines: 200 };

export function emptyLog(): LogState {
  return { chunks: [], hiddenLines: 0, nextId: 1 };
}

function countNewlines(text: string, end = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Index just after the n-th newline (n >= 1), or -1 when the text has fewer. */
function afterNewline(text: string, n: number): number {
  let index = -1;
  for (let seen = 0; seen < n; seen++) {
    index = text.indexOf('\n', index + 1);
    if (index === -1) return -1;
  }
  return index + 1;
}

/** Appends entries to a log, returning a new state (chunks that did not change are kept). */
export function appendToLog(
  state: LogState,
  entries: ReadonlyArray<{ kind: LogKind; text: string; droppedLines?: number }>,
  limits: LogLimits = DEFAULT_LIMITS,
): LogState {
  const chunks = [...state.chunks];
  let { hiddenLines, nextId } = state;
  for (const { kind, text, droppedLines = 0 } of entries) {
    hiddenLines += droppedLines;
    if (!text) continue;
    const last = chunks.at(-1);
    if (last && last.kind === kind && last.lines < limits.chunkLines) {
      chunks[chunks.length - 1] = {
        ...last,
        text: last.text + text,
        lines: last.lines + countNewlines(text),
      };
    } else {
      chunks.push({ id: nextId++, kind, text, lines: countNewlines(text) });
    }
  }
  hiddenLines += trimFront(chunks, limits);
  return { chunks, hiddenLines, nextId };
}

/** Drops the oldest text in place until the limits hold; returns how many lines went. */
function trimFront(chunks: LogChunk[], limits: LogLimits): number {
  let lines = chunks.reduce((sum, chunk) => sum + chunk.lines, 0);
  let chars = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  let dropped = 0;
  while (chunks.length) {
    const first = chunks[0]!;
    const excessLines = lines - limits.maxLines;
    const excessChars = chars - limits.maxChars;
    if (excessLines <= 0 && excessChars <= 0) break;
    if (first.lines <= excessLines || first.text.length <= excessChars) {
      chunks.shift();
      lines -= first.lines;
      chars -= first.text.length;
      dropped += first.lines;
      continue;
    }
    // Cut inside the first chunk: at a line boundary, or mid-line when characters overflow.
    const lineCut = excessLines > 0 ? afterNewline(first.text, excessLines) : 0;
    const cut = Math.max(lineCut, excessChars);
    const removed = countNewlines(first.text, cut);
    const rest = first.text.slice(cut);
    chunks[0] = {
      ...first,
      text: cut === lineCut ? rest : `…${rest}`,
      lines: first.lines - removed,
    };
    dropped += removed;
    break; // both limits now hold (give or take the one-character ellipsis)
  }
  return dropped;
}
