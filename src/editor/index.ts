export { default as CodeEditor } from './CodeEditor.svelte';
export type { EditorMarker, MarkerSeverity } from './markers';
export type { ThemeChoice } from './theme';
