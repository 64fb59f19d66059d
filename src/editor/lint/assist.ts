/**
 * Ruff's side of a Python editor: linting as the learner types and formatting. CodeEditor
 * imports this when a Python editor is first focused, and only then does the Ruff worker start.
 */
export { formatEditor, type FormatOutcome } from './format';
export { PythonLinter } from './python-lint.svelte';
export { loadRuff } from './ruff';
