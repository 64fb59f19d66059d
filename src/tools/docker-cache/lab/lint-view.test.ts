import { describe, expect, it } from 'vitest';
import { applyEdits, applyFix } from '../lint/apply-fix';
import { formatBytes, formatSeconds } from './format';
import { lintView } from './lint-view';

describe('lintView', () => {
  it('turns findings into dockerfile-lint markers with the rule as code and the fix', () => {
    const text = 'FROM python:3.12-slim\nCMD python app.py\n';
    const view = lintView(text, null, ['app.py']);
    expect(view.errors).toEqual([]);
    const finding = view.findings.find((f) => f.rule === 'DL3025')!;
    const marker = view.markers.find((m) => m.code === 'DL3025')!;
    expect(marker).toMatchObject({ source: 'dockerfile-lint', severity: 'warning', line: 2 });
    // The message, then why it matters on a line of its own.
    expect(marker.message).toMatch(/^Use the JSON \(exec\) form for CMD\nShell form wraps/);
    expect(marker.fix?.title).toBe('use exec (JSON) form');
    expect(applyEdits(text, marker.fix!.edits)).toBe(applyFix(text, finding));
    expect(applyFix(text, finding)).toBe('FROM python:3.12-slim\nCMD ["python", "app.py"]\n');
  });

  it('shows parse errors as error markers on their line', () => {
    const view = lintView('FROM python:3.12-slim\nCOPY onlyone\n', null, []);
    expect(view.findings).toEqual([]);
    expect(view.errors).toEqual([{ line: 2, message: expect.stringMatching(/COPY/) }]);
    expect(view.markers).toEqual([
      expect.objectContaining({ source: 'dockerfile-lint', severity: 'error', line: 2 }),
    ]);
  });

  it('reports a broken .dockerignore apart, and still lints the Dockerfile', () => {
    const view = lintView('FROM python:3.12-slim\nCMD python app.py\n', '[', ['app.py']);
    expect(view.ignoreErrors[0]).toMatch(/^\.dockerignore/);
    expect(view.findings.some((f) => f.rule === 'DL3025')).toBe(true);
  });
});

describe('format', () => {
  it('rounds times and sizes the way the timeline shows them', () => {
    expect(formatSeconds(0.02)).toBe('0 s');
    expect(formatSeconds(5.34)).toBe('5.3 s');
    expect(formatSeconds(-4.4)).toBe('4.4 s');
    expect(formatSeconds(42.6)).toBe('43 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatBytes(148)).toBe('148 B');
    expect(formatBytes(154_000_148)).toBe('154 MB');
    expect(formatBytes(1_030_100_057)).toBe('1.0 GB');
  });
});
