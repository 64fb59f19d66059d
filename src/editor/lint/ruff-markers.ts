/**
 * Ruff's diagnostics as editor markers: the rule code, Ruff's message and a note on why it
 * matters, and Ruff's fix when it offers one. A cell can be linted together with the cells
 * around it (they share one namespace), and only its own lines are reported.
 */
import type { EditorMarker, MarkerTag, TextEdit } from '../markers';
import type { RuffDiagnostic } from './protocol';
import { ruleNote } from './rule-notes';

/** Code that runs in the same namespace before and after this code (a page's other cells). */
export interface Neighbours {
  before?: string;
  after?: string;
}

export interface LintSource {
  code: string;
  neighbours?: Neighbours | undefined;
  /** The last expression's value is shown (a cell), so B018 does not call it useless. */
  showsLastExpression?: boolean | undefined;
}

/** The text Ruff checks, and how many of its lines come before the editor's first line. */
export function lintText({ code, neighbours }: LintSource): { text: string; offset: number } {
  const before = neighbours?.before ? `${neighbours.before}\n` : '';
  const after = neighbours?.after ? `\n${neighbours.after}` : '';
  return { text: before + code + after, offset: before.split('\n').length - 1 };
}

export function ruffMarkers(
  diagnostics: readonly RuffDiagnostic[],
  source: LintSource,
): EditorMarker[] {
  const { offset } = lintText(source);
  const lines = source.code.split('\n');
  const markers: EditorMarker[] = [];
  for (const diagnostic of diagnostics) {
    // Syntax errors come from Python's own compiler (the `python-syntax` markers).
    if (!diagnostic.code || diagnostic.code === 'invalid-syntax') continue;
    const line = diagnostic.start_location.row - offset;
    const endLine = diagnostic.end_location.row - offset;
    if (line < 1 || line > lines.length) continue;
    if (
      source.showsLastExpression &&
      diagnostic.code === 'B018' &&
      diagnostic.start_location.column === 1 &&
      lines.slice(endLine).every(isBlankOrComment)
    )
      continue;
    const note = ruleNote(diagnostic.code);
    const fix = diagnostic.fix && fixEdits(diagnostic.fix.edits, offset, lines.length);
    const tags = diagnostic.tags.filter((tag): tag is MarkerTag => tag in TAGS);
    markers.push({
      source: 'ruff',
      severity: 'warning',
      code: diagnostic.code,
      message: note ? `${diagnostic.message}\n${note}` : diagnostic.message,
      line,
      column: diagnostic.start_location.column,
      ...(endLine <= lines.length
        ? { endLine, endColumn: diagnostic.end_location.column }
        : { endLine: lines.length }),
      ...(tags.length && { tags }),
      ...(fix && {
        fix: { title: diagnostic.fix?.message ?? `apply ${diagnostic.code}`, edits: fix },
      }),
    });
  }
  return markers;
}

const TAGS: Record<MarkerTag, true> = { unnecessary: true, deprecated: true };

function isBlankOrComment(line: string): boolean {
  const text = line.trim();
  return text === '' || text.startsWith('#');
}

/** The fix's edits in the editor's lines; none when the fix would touch a neighbour's code. */
function fixEdits(
  edits: NonNullable<RuffDiagnostic['fix']>['edits'],
  offset: number,
  lineCount: number,
): TextEdit[] | undefined {
  const mapped = edits.map((edit) => ({
    startLineNumber: edit.location.row - offset,
    startColumn: edit.location.column,
    endLineNumber: edit.end_location.row - offset,
    endColumn: edit.end_location.column,
    text: edit.content ?? '',
  }));
  const inside = mapped.every(
    (edit) =>
      edit.startLineNumber >= 1 &&
      edit.startLineNumber <= lineCount &&
      (edit.endLineNumber <= lineCount ||
        (edit.endLineNumber === lineCount + 1 && edit.endColumn === 1)),
  );
  return inside && mapped.length ? mapped : undefined;
}
