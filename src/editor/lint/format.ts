/**
 * Formats a Python editor's code with Ruff's formatter. Only the lines that change are
 * replaced, so the cursor stays put; code that does not parse is left alone and the editor
 * says why.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { minimalEdits } from './minimal-edits';
import type { RuffRemote } from './ruff';
import { ruffSettings } from './rules';

export type FormatOutcome = 'formatted' | 'unchanged' | 'invalid' | 'stale';

export async function formatEditor(
  editor: Monaco.editor.IStandaloneCodeEditor,
  ruff: RuffRemote,
): Promise<FormatOutcome> {
  const model = editor.getModel();
  if (!model) return 'stale';
  const version = model.getVersionId();
  const code = model.getValue();
  const result = await ruff.format(code, ruffSettings());
  if (editor.getModel() !== model || model.getVersionId() !== version) return 'stale';
  if (!result.ok) {
    showMessage(editor, `Not formatted: ${plainReason(result.message)}. Fix the syntax first.`);
    return 'invalid';
  }
  const edits = minimalEdits(code, result.code);
  if (!edits.length) return 'unchanged';
  editor.pushUndoStop();
  editor.executeEdits(
    'ruff-format',
    edits.map(({ start, end, text }) => {
      const from = model.getPositionAt(start);
      const to = model.getPositionAt(end);
      return {
        range: {
          startLineNumber: from.lineNumber,
          startColumn: from.column,
          endLineNumber: to.lineNumber,
          endColumn: to.column,
        },
        text,
      };
    }),
  );
  editor.pushUndoStop();
  return 'formatted';
}

/** Ruff's parse error without its byte offsets, e.g. "unexpected EOF while parsing". */
function plainReason(message: string): string {
  return message.replace(/^Error:\s*/, '').replace(/\s+at byte range \d+\.\.\d+$/, '');
}

interface MessageController {
  showMessage(message: string, position: Monaco.IPosition): void;
}

/** Monaco's own inline message (as for "Cannot edit in read-only editor"), announced too. */
function showMessage(editor: Monaco.editor.IStandaloneCodeEditor, message: string): void {
  const controller = editor.getContribution('editor.contrib.messageController') as
    (Monaco.editor.IEditorContribution & Partial<MessageController>) | null;
  const position = editor.getPosition();
  if (controller?.showMessage && position) controller.showMessage(message, position);
}
