import { describe, expect, it } from 'vitest';
import {
  createInterruptBuffer,
  interruptRequested,
  requestInterrupt,
  sleepUnlessInterrupted,
} from './interrupt';

describe('interrupt flag', () => {
  it('sleeps the full time when nobody interrupts', () => {
    const flag = createInterruptBuffer();
    const started = performance.now();
    expect(sleepUnlessInterrupted(flag, 0.05)).toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('returns at once, clearing the flag, when Stop was requested', () => {
    const flag = createInterruptBuffer();
    requestInterrupt(flag);
    expect(interruptRequested(flag)).toBe(true);
    expect(sleepUnlessInterrupted(flag, 60)).toBe(true);
    expect(interruptRequested(flag)).toBe(false);
  });
});
