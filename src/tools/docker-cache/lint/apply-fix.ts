/** Apply a lint finding's text edits to Dockerfile text. */
import type { LintFinding, TextEdit } from './types';

/** The new text; an advice-only finding leaves the text as it is. Throws on overlapping edits. */
export function applyFix(text: string, finding: Pick<LintFinding, 'fix'>): string {
  return finding.fix.kind === 'edit' ? applyEdits(text, finding.fix.edits) : text;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // The parser (parse/) drops a byte-order mark before numbering columns, so edits are relative to the body.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const lineStarts = [0];
  for (const match of body.matchAll(/\r\n|\r|\n/g))
    lineStarts.push((match.index ?? 0) + match[0].length);
  const offset = (line: number, column: number) => {
    const start = lineStarts[line - 1];
    return start === undefined ? body.length : Math.min(start + column - 1, body.length);
  };
  const newline = body.includes('\r\n') ? '\r\n' : '\n';
  const ranges = edits
    .map((e) => ({
      from: offset(e.startLineNumber, e.startColumn),
      to: offset(e.endLineNumber, e.endColumn),
      text: e.text,
    }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let out = body;
  let limit = Infinity;
  for (const range of ranges) {
    if (range.to > limit) throw new Error('the fix has overlapping edits');
    out = out.slice(0, range.from) + range.text.replace(/\n/g, newline) + out.slice(range.to);
    limit = range.from;
  }
  return bom + out;
}
