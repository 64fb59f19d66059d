/** Building text edits against the parsed Dockerfile's lines. */
import type { Instruction } from '../model';
import type { Dockerfile } from '../model';
import type { LintFix, TextEdit } from './types';

function lineAt(df: Dockerfile, line: number): string {
  return df.lines[line - 1] ?? '';
}

export function insertAt(line: number, column: number, text: string): TextEdit {
  return {
    startLineNumber: line,
    startColumn: column,
    endLineNumber: line,
    endColumn: column,
    text,
  };
}

/** Replace whole lines `start..end` (their text, not the final line break) with `text`. */
export function replaceLines(df: Dockerfile, start: number, end: number, text: string): TextEdit {
  return {
    startLineNumber: start,
    startColumn: 1,
    endLineNumber: end,
    endColumn: lineAt(df, end).length + 1,
    text,
  };
}

/** Remove lines `start..end` including the line break after them. */
export function deleteLines(df: Dockerfile, start: number, end: number): TextEdit {
  if (end < df.lines.length) {
    return {
      startLineNumber: start,
      startColumn: 1,
      endLineNumber: end + 1,
      endColumn: 1,
      text: '',
    };
  }
  const previous = start - 1;
  return previous >= 1
    ? {
        startLineNumber: previous,
        startColumn: lineAt(df, previous).length + 1,
        endLineNumber: end,
        endColumn: lineAt(df, end).length + 1,
        text: '',
      }
    : replaceLines(df, start, end, '');
}

export function insertLinesBefore(line: number, text: string): TextEdit {
  return insertAt(line, 1, text.endsWith('\n') ? text : `${text}\n`);
}

export function insertLinesAfter(df: Dockerfile, line: number, text: string): TextEdit {
  return insertAt(line, lineAt(df, line).length + 1, `\n${text.replace(/\n$/, '')}`);
}

/** Source text of an instruction's own lines (heredoc bodies included). */
export function sourceOf(df: Dockerfile, ins: Instruction): string {
  return df.lines.slice(ins.line - 1, ins.endLine).join('\n');
}

/** Edits that insert `text` right after every match of `pattern` inside the instruction's text. */
export function insertAfterMatches(
  df: Dockerfile,
  ins: Instruction,
  pattern: RegExp,
  text: string,
  skip?: (rest: string) => boolean,
): TextEdit[] {
  const edits: TextEdit[] = [];
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  for (let line = ins.line; line <= ins.textEndLine; line++) {
    const content = lineAt(df, line);
    for (const match of content.matchAll(global)) {
      const end = (match.index ?? 0) + match[0].length;
      if (skip?.(content.slice(end))) continue;
      edits.push(insertAt(line, end + 1, text));
    }
  }
  return edits;
}

/** Append text at the end of the instruction's own text (before heredoc bodies). */
export function appendToInstruction(
  df: Dockerfile,
  ins: Instruction,
  text: string,
): TextEdit | null {
  const content = lineAt(df, ins.textEndLine);
  // An inline `# comment` would swallow the appended text.
  if (ins.heredocs.length > 0 || /\s#/.test(content)) return null;
  return insertAt(ins.textEndLine, content.trimEnd().length + 1, text);
}

/** Column (1-based) range of the keyword on the instruction's first line. */
export function keywordRange(
  df: Dockerfile,
  ins: Instruction,
): { line: number; start: number; end: number } {
  const content = lineAt(df, ins.line);
  const start = content.length - content.trimStart().length;
  return { line: ins.line, start: start + 1, end: start + ins.written.length + 1 };
}

export function editFix(description: string, edits: Array<TextEdit | null>): LintFix | null {
  const real = edits.filter((e): e is TextEdit => e !== null);
  return real.length === edits.length && real.length > 0
    ? { kind: 'edit', description, edits: real }
    : null;
}
