import { describe, expect, it } from 'vitest';
import {
  createInterruptBuffer,
  interruptRequested,
  pollableInterruptFlag,
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

  it('keeps a Stop that arrives between Python reading the flag and clearing it', () => {
    const flag = createInterruptBuffer();
    const polled = pollableInterruptFlag(flag);
    // CPython's check: read the flag, then write 0. The page stores a Stop in between.
    expect(polled[0]).toBe(0);
    requestInterrupt(flag);
    polled[0] = 0;
    expect(interruptRequested(flag)).toBe(true);
    // The next check sees it and clears it.
    expect(polled[0]).toBe(2);
    polled[0] = 0;
    expect(interruptRequested(flag)).toBe(false);
  });
});
