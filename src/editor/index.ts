export { default as CodeEditor } from './CodeEditor.svelte';
export type { EditorMarker, MarkerFix, MarkerSeverity, MarkerTag, TextEdit } from './markers';
export type { ThemeChoice } from './theme';
export {
  DEFAULT_RULES,
  syntaxMarkers,
  tracebackMarkers,
  type LintRules,
  type LintSetting,
  type Neighbours,
} from './lint';
