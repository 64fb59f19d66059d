import { describe, expect, it } from 'vitest';
import { createInterruptBuffer, requestInterrupt } from './interrupt';
import { answerStdin, cancelStdin, createStdinBuffer, waitForStdin } from './stdin-channel';

describe('stdin channel', () => {
  it('delivers an answer written as soon as the reader announces itself', () => {
    const buffer = createStdinBuffer();
    const line = waitForStdin(buffer, undefined, () => answerStdin(buffer, 'Grâce ✓'));
    expect(line).toBe('Grâce ✓');
  });

  it('returns null when the wait is cancelled', () => {
    const buffer = createStdinBuffer();
    expect(waitForStdin(buffer, undefined, () => cancelStdin(buffer))).toBeNull();
  });

  it('returns null and clears the flag when Stop raised the interrupt', () => {
    const buffer = createStdinBuffer();
    const interrupt = createInterruptBuffer();
    const line = waitForStdin(buffer, interrupt, () => requestInterrupt(interrupt));
    expect(line).toBeNull();
    expect(interrupt[0]).toBe(0);
  });

  it('cuts an answer longer than the buffer instead of overflowing it', () => {
    const buffer = createStdinBuffer();
    const long = 'x'.repeat(200_000);
    const line = waitForStdin(buffer, undefined, () => answerStdin(buffer, long));
    expect(line!.length).toBe(buffer.byteLength - 8);
  });
});
