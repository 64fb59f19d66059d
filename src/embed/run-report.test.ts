import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../runtime';
import type { PythonError } from '../runtime/protocol';
import { checkDetail, runEndDetail } from './run-report';

const error = (overrides: Partial<PythonError> = {}): PythonError => ({
  type: 'NameError',
  message: "name 'x' is not defined",
  traceback: 'Traceback ...',
  line: 2,
  filename: '<cell 1>',
  interrupted: false,
  ...overrides,
});

describe('runEndDetail', () => {
  it('reports a run that finished', () => {
    expect(runEndDetail('run', { result: { ok: true, durationMs: 12.6 } })).toEqual({
      mode: 'run',
      ok: true,
      durationMs: 13,
      stopped: false,
      stateReset: false,
    });
  });

  it('reports an error with its type, message and line', () => {
    const outcome: RunOutcome = { result: { ok: false, durationMs: 3, error: error() } };
    expect(runEndDetail('run', outcome)).toEqual({
      mode: 'run',
      ok: false,
      durationMs: 3,
      error: { type: 'NameError', message: "name 'x' is not defined", line: 2 },
      stopped: false,
      stateReset: false,
    });
  });

  it('tells Stop with kept state from Stop that replaced the interpreter', () => {
    const interrupted = error({ type: 'KeyboardInterrupt', interrupted: true, line: null });
    const kept = runEndDetail('run', { result: { ok: false, durationMs: 5, error: interrupted } });
    const reset = runEndDetail('run', {
      result: { ok: false, durationMs: 0, error: interrupted },
      reset: 'stop',
    });
    const queued = runEndDetail('check', {
      result: { ok: false, durationMs: 0, error: interrupted },
      cancelled: true,
    });
    expect([kept, reset, queued].map(({ stopped, stateReset }) => [stopped, stateReset])).toEqual([
      [true, false],
      [true, true],
      [true, false],
    ]);
  });

  it('marks a crash as a reset but not a stop', () => {
    const crash = error({ type: 'FatalError', message: 'stack overflow', line: null });
    expect(
      runEndDetail('run', { result: { ok: false, durationMs: 0, error: crash }, reset: 'crash' }),
    ).toMatchObject({ ok: false, stopped: false, stateReset: true });
  });
});

describe('checkDetail', () => {
  const pass = { name: 'a', passed: true, message: '' };
  const fail = { name: 'b', passed: false, message: 'b should be 1' };

  it('passes only when every check passed', () => {
    expect(checkDetail({ result: { ok: true, durationMs: 1, checks: [pass, pass] } })).toEqual({
      passed: true,
      results: [pass, pass],
    });
    expect(checkDetail({ result: { ok: true, durationMs: 1, checks: [pass, fail] } }).passed).toBe(
      false,
    );
  });

  it('does not pass with no checks, or when the code raised', () => {
    expect(checkDetail({ result: { ok: true, durationMs: 1, checks: [] } }).passed).toBe(false);
    expect(
      checkDetail({ result: { ok: false, durationMs: 1, error: error(), checks: [] } }),
    ).toEqual({ passed: false, results: [] });
  });
});
