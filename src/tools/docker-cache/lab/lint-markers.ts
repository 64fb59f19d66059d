/**
 * Lint findings as editor markers (source `dockerfile-lint`), so the lab's editor shows them
 * like every other diagnostic: the rule id as the code, the explanation under the message, an
 * edit fix as a quick fix and advice as text.
 */
import type { EditorMarker, MarkerSeverity } from '../../../editor';
import type { LintFinding } from '../lint/types';

const SEVERITY: Record<LintFinding['severity'], MarkerSeverity> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'info',
};

export function dockerfileMarkers(findings: readonly LintFinding[]): EditorMarker[] {
  return findings.map((finding) => {
    const lines = [finding.message, finding.explanation];
    if (finding.fix.kind === 'advice') lines.push(`How to fix: ${finding.fix.text}`);
    if (finding.alsoKnownAs.length)
      lines.push(`Also reported as ${finding.alsoKnownAs.join(', ')}.`);
    return {
      source: 'dockerfile-lint',
      severity: SEVERITY[finding.severity],
      message: lines.filter(Boolean).join('\n'),
      code: finding.rule,
      line: finding.line,
      endLine: finding.endLine,
      ...(finding.fix.kind === 'edit' &&
        finding.fix.edits.length > 0 && {
          fix: { title: finding.fix.description, edits: finding.fix.edits },
        }),
    };
  });
}
