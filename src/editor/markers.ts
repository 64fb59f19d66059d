/**
 * One marker shape for every source of diagnostics (Python tracebacks and syntax errors, Ruff,
 * pyproject validation, Dockerfile lint): the editor shows them all the same way.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MarkerSeverity = 'error' | 'warning' | 'info';

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
  const lines = model.getLineCount();
  return markers.map((marker) => {
    const line = Math.min(Math.max(marker.line, 1), lines);
    const endLine = Math.min(Math.max(marker.endLine ?? line, line), lines);
    return {
      severity: severity[marker.severity],
      message: marker.message,
      source: marker.source,
      ...(marker.code && { code: marker.code }),
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
