import { describe, expect, it } from 'vitest';
import { applyEdits, applyFix, lint, type LintFinding } from '..';
import { dockerfileMarkers } from './lint-markers';

function findings(text: string): LintFinding[] {
  const result = lint(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.findings;
}

const base: LintFinding = {
  rule: 'SBX001',
  tool: 'sandbox',
  severity: 'style',
  toolSeverity: 'style',
  line: 2,
  endLine: 3,
  message: 'Copy the dependency list before the code',
  explanation: 'Then a code change does not reinstall every dependency.',
  fix: { kind: 'advice', text: 'COPY requirements.txt first, install, then COPY the rest.' },
  alsoKnownAs: ['DS999'],
};

describe('dockerfileMarkers', () => {
  it('keeps the rule as the code, the lines, and the explanation under the message', () => {
    expect(dockerfileMarkers([base])).toEqual([
      {
        source: 'dockerfile-lint',
        severity: 'info',
        code: 'SBX001',
        line: 2,
        endLine: 3,
        message:
          'Copy the dependency list before the code\n' +
          'Then a code change does not reinstall every dependency.\n' +
          'How to fix: COPY requirements.txt first, install, then COPY the rest.\n' +
          'Also reported as DS999.',
      },
    ]);
  });

  it('maps every severity onto an editor severity', () => {
    const severities = (['error', 'warning', 'info', 'style'] as const).map(
      (severity) => dockerfileMarkers([{ ...base, severity }])[0]!.severity,
    );
    expect(severities).toEqual(['error', 'warning', 'info', 'info']);
  });

  it("turns a real finding's edit fix into a quick fix that makes the same change", () => {
    const text = 'FROM python:3.13-slim\nRUN pip install flask\n';
    const fixable = findings(text).filter((finding) => finding.fix.kind === 'edit');
    expect(fixable.length).toBeGreaterThan(0);
    const markers = dockerfileMarkers(fixable);
    fixable.forEach((finding, index) => {
      const marker = markers[index]!;
      expect(marker.code).toBe(finding.rule);
      expect(marker.fix?.title).toBe(finding.fix.kind === 'edit' && finding.fix.description);
      expect(applyEdits(text, marker.fix!.edits)).toBe(applyFix(text, finding));
      expect(applyEdits(text, marker.fix!.edits)).not.toBe(text);
    });
  });
});
