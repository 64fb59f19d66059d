/**
 * How each tool names and rates its rules. A `…Info` is one tool's rule without a check (another
 * rule's alias); the others make a rule.
 */
import type { LintRule, RuleInfo, Severity } from './types';

const hadolintWords: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
  style: 'Style',
};

export function hadolintInfo(id: string, severity: Severity, explanation: string): RuleInfo {
  return { id, tool: 'hadolint', severity, toolSeverity: hadolintWords[severity], explanation };
}

/** What some rules add to their tool's info. */
type RuleExtras = Partial<Pick<LintRule, 'aliases' | 'defaultOff' | 'toolSeverity'>>;

export function hadolint(
  id: string,
  severity: Severity,
  explanation: string,
  check: LintRule['check'],
  extras: RuleExtras = {},
): LintRule {
  return { ...hadolintInfo(id, severity, explanation), ...extras, check };
}

/** BuildKit reports every build check as a warning. */
export function buildkitInfo(id: string, explanation: string): RuleInfo {
  return { id, tool: 'buildkit', severity: 'warning', toolSeverity: 'Warning', explanation };
}

/** A BuildKit check; `severity` is ours (style checks show as style). */
export function bk(
  id: string,
  explanation: string,
  check: LintRule['check'],
  severity: Severity = 'warning',
): LintRule {
  return { ...buildkitInfo(id, explanation), severity, check };
}

/** A Trivy check: Trivy rates them LOW, MEDIUM, HIGH or CRITICAL. */
export function trivyInfo(
  id: string,
  severity: Severity,
  toolSeverity: string,
  explanation: string,
): RuleInfo {
  return { id, tool: 'trivy', severity, toolSeverity, explanation };
}

/** Our own advice rule (SBX ids): the severity is its own word too. */
export function sbx(
  id: string,
  severity: Severity,
  explanation: string,
  check: LintRule['check'],
  extras: RuleExtras = {},
): LintRule {
  return { id, tool: 'sandbox', severity, toolSeverity: severity, explanation, ...extras, check };
}
