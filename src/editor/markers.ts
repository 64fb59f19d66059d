/**
 * One marker shape for every source of diagnostics (Python tracebacks and syntax errors, Ruff,
 * pyproject validation, Dockerfile lint): the editor shows them all the same way, and a marker
 * that carries a fix is offered as a quick fix ("Fix: ...") whatever its source.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MarkerSeverity = 'error' | 'warning' | 'info';

/** `unnecessary` fades the code (an unused import); `deprecated` strikes it through. */
export type MarkerTag = 'unnecessary' | 'deprecated';

/** A text edit with 1-based lines and columns (Monaco's IRange + text). */
export interface TextEdit {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  text: string;
}

export interface MarkerFix {
  /** What the fix does, e.g. "Remove unused import: `os`"; the menu shows "Fix: <title>". */
  title: string;
  edits: TextEdit[];
}

export interface EditorMarker {
  /** Who produced it (`python`, `ruff`, `dockerfile-lint`, ...); markers are replaced per source. */
  source: string;
  severity: MarkerSeverity;
  message: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A rule code such as `F401` or `DL3042`. */
  code?: string;
  tags?: MarkerTag[];
  /** Edits that resolve it, against the text the marker was computed for. */
  fix?: MarkerFix;
}

export function toMonacoMarkers(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  markers: readonly EditorMarker[],
): Monaco.editor.IMarkerData[] {
  const severity = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  const tag = {
    unnecessary: monaco.MarkerTag.Unnecessary,
    deprecated: monaco.MarkerTag.Deprecated,
  };
  const lines = model.getLineCount();
  return markers.map((marker) => {
    const line = Math.min(Math.max(marker.line, 1), lines);
    const endLine = Math.min(Math.max(marker.endLine ?? line, line), lines);
    return {
      severity: severity[marker.severity],
      message: marker.message,
      source: marker.source,
      ...(marker.code && { code: marker.code }),
      ...(marker.tags?.length && { tags: marker.tags.map((name) => tag[name]) }),
      startLineNumber: line,
      startColumn: marker.column ?? (model.getLineFirstNonWhitespaceColumn(line) || 1),
      endLineNumber: endLine,
      endColumn: marker.endColumn ?? model.getLineMaxColumn(endLine),
    };
  });
}

/** Groups markers by source, so each source's set replaces only its own previous set. */
export function markersBySource(markers: readonly EditorMarker[]): Map<string, EditorMarker[]> {
  const groups = new Map<string, EditorMarker[]>();
  for (const marker of markers) {
    groups.set(marker.source, [...(groups.get(marker.source) ?? []), marker]);
  }
  return groups;
}

/** Identifies a shown marker, so a quick-fix request (which gets Monaco's copy) finds its fix. */
export function markerKey(marker: Monaco.editor.IMarkerData): string {
  const code = typeof marker.code === 'string' ? marker.code : (marker.code?.value ?? '');
  const range = `${marker.startLineNumber}:${marker.startColumn}-${marker.endLineNumber}:${marker.endColumn}`;
  return [marker.source ?? '', code, range, marker.message].join('\u0000');
}
