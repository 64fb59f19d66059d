import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STOP_GRACE_MS, stopRun } from './stop';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A run that ends when `end` is called, and what Stop did to it. */
function running() {
  let end: (value: string) => void = () => {};
  const ended = new Promise<string>((resolve) => (end = resolve));
  const calls: string[] = [];
  return {
    end,
    calls,
    stop: (interruptible = true) =>
      stopRun({
        ended,
        interrupt: interruptible ? () => calls.push('interrupt') : undefined,
        graceMs: STOP_GRACE_MS.page,
        replace: async () => void calls.push('replace'),
      }),
  };
}

describe('stopRun', () => {
  it('keeps the interpreter when the interrupt ends the run within the grace period', async () => {
    const run = running();
    const stopped = run.stop();
    expect(run.calls).toEqual(['interrupt']);
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS.page - 1);
    run.end('KeyboardInterrupt');
    expect(await stopped).toEqual({ ended: 'KeyboardInterrupt' });
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS.page);
    expect(run.calls).toEqual(['interrupt']);
  });

  it('replaces the interpreter when the run ignores the interrupt', async () => {
    const run = running();
    const stopped = run.stop();
    await vi.advanceTimersByTimeAsync(STOP_GRACE_MS.page - 1);
    expect(run.calls).toEqual(['interrupt']);
    await vi.advanceTimersByTimeAsync(1);
    expect(await stopped).toBe('replaced');
    expect(run.calls).toEqual(['interrupt', 'replace']);
  });

  it('replaces the interpreter at once where Python cannot be interrupted', async () => {
    const run = running();
    const stopped = run.stop(false);
    expect(run.calls).toEqual(['replace']); // before any timer or promise
    expect(await stopped).toBe('replaced');
  });
});
