/** How every Wheelhouse editor looks and behaves: compact, no minimap, Python's 4-space tabs. */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const LINE_HEIGHT = 20;
export const PADDING = 8;

export function editorOptions(
  options: Pick<
    Monaco.editor.IStandaloneEditorConstructionOptions,
    'model' | 'readOnly' | 'ariaLabel' | 'theme'
  >,
): Monaco.editor.IStandaloneEditorConstructionOptions {
  return {
    ...options,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineHeight: LINE_HEIGHT,
    padding: { top: PADDING, bottom: PADDING },
    lineNumbersMinChars: 3,
    glyphMargin: false,
    folding: false,
    overviewRulerLanes: 0,
    renderLineHighlight: 'line',
    fixedOverflowWidgets: true,
    tabSize: 4,
    insertSpaces: true,
    detectIndentation: false,
    scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10 },
  };
}
