/**
 * The Monaco build Wheelhouse uses: the editor core plus the contributions a learner needs
 * (not the TypeScript/JSON/CSS/HTML language services, which would triple the download).
 * Imported only through `loadMonaco()`, so it never weighs on the first page load.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerToml } from './toml-language';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

registerToml(monaco);

// On our backgrounds, two of the base themes' colours fall just short of WCAG's 4.5:1 for
// text: numbers in the light theme (4.45:1), comments in the dark one (4.48:1).
monaco.editor.defineTheme('wheelhouse-light', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'number', foreground: '077650' }],
  colors: { 'editor.background': '#fbfbfd' },
});
monaco.editor.defineTheme('wheelhouse-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '6a9955' }],
  colors: { 'editor.background': '#16181d' },
});

export { monaco };
