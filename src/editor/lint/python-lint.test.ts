import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RuffDiagnostic, RuffSettings } from './protocol';
import { PythonLinter } from './python-lint.svelte';
import type { RuffRemote } from './ruff';

/** A Ruff whose answers the test releases one by one, in any order. */
function controlledRuff() {
  const calls: { code: string; settings: RuffSettings; answer(d: RuffDiagnostic[]): void }[] = [];
  const ruff: RuffRemote = {
    check: (code, settings) =>
      new Promise((resolve, reject) => {
        if (settings.lint.select.includes('XYZ1'))
          reject(new Error('Unknown rule selector `XYZ1`'));
        else calls.push({ code, settings, answer: resolve });
      }),
    format: () => Promise.reject(new Error('not used')),
  };
  return { ruff, calls };
}

function unusedImport(row: number): RuffDiagnostic {
  return {
    code: 'F401',
    message: '`os` imported but unused',
    tags: ['unnecessary'],
    annotations: [],
    subDiagnostics: [],
    start_location: { row, column: 8 },
    end_location: { row, column: 10 },
    fix: null,
  };
}

describe('PythonLinter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing and lints only the last text', async () => {
    const { ruff, calls } = controlledRuff();
    const linter = new PythonLinter(() => ruff, 250);
    linter.request({ code: 'import o', version: 1, rules: {} });
    await vi.advanceTimersByTimeAsync(100);
    linter.request({ code: 'import os', version: 2, rules: {} });
    await vi.advanceTimersByTimeAsync(249);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((call) => call.code)).toEqual(['import os']);
    calls[0]!.answer([unusedImport(1)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(linter.version).toBe(2);
    expect(linter.markers.map((marker) => marker.code)).toEqual(['F401']);
  });

  it('drops an answer that arrives after a newer request', async () => {
    const { ruff, calls } = controlledRuff();
    const linter = new PythonLinter(() => ruff, 10);
    linter.request({ code: 'import os', version: 1, rules: {} });
    await vi.advanceTimersByTimeAsync(10);
    linter.request({ code: 'import os\nos', version: 2, rules: {} });
    await vi.advanceTimersByTimeAsync(10);
    calls[1]!.answer([]);
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.answer([unusedImport(1)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(linter.version).toBe(2);
    expect(linter.markers).toEqual([]);
  });

  it('clears its markers and ignores what was on its way', async () => {
    const { ruff, calls } = controlledRuff();
    const linter = new PythonLinter(() => ruff, 10);
    linter.request({ code: 'import os', version: 1, rules: {} });
    await vi.advanceTimersByTimeAsync(10);
    linter.clear();
    calls[0]!.answer([unusedImport(1)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(linter.markers).toEqual([]);
  });

  it('falls back to the default rules, once warned, when Ruff refuses a rule code', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ruff, calls } = controlledRuff();
    const linter = new PythonLinter(() => ruff, 10);
    for (const version of [1, 2]) {
      linter.request({ code: 'import os', version, rules: { select: ['XYZ1'] } });
      await vi.advanceTimersByTimeAsync(10);
      calls.at(-1)!.answer([unusedImport(1)]);
      await vi.advanceTimersByTimeAsync(0);
      expect(linter.version).toBe(version);
    }
    expect(calls.map((call) => call.settings.lint.select)).toEqual([
      ['B', 'E', 'F'],
      ['B', 'E', 'F'],
    ]);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toContain('XYZ1');
    warn.mockRestore();
  });
});
