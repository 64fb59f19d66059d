export { syntaxMarkers, tracebackMarkers } from './python-markers';
export type { Neighbours } from './ruff-markers';
export { DEFAULT_RULES, type LintRules, type LintSetting } from './rules';
