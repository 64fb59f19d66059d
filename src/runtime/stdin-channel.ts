/**
 * input() over a SharedArrayBuffer: the worker blocks in Atomics.wait until the page writes the
 * learner's line (or cancels, when Stop is pressed). Layout: Int32 state, Int32 byte length, bytes.
 */

const STATE = 0;
const LENGTH = 1;
const HEADER_BYTES = 8;
const MAX_LINE_BYTES = 64 * 1024;

const enum_ = { waiting: 0, answered: 1, cancelled: 2 } as const;

export function createStdinBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + MAX_LINE_BYTES);
}

/** Page side: answer the line Python is waiting for, or cancel the wait. */
export function answerStdin(buffer: SharedArrayBuffer, line: string): void {
  const control = new Int32Array(buffer, 0, 2);
  const bytes = new Uint8Array(buffer, HEADER_BYTES);
  const { written } = new TextEncoder().encodeInto(line, bytes);
  Atomics.store(control, LENGTH, written);
  Atomics.store(control, STATE, enum_.answered);
  Atomics.notify(control, STATE);
}

export function cancelStdin(buffer: SharedArrayBuffer): void {
  const control = new Int32Array(buffer, 0, 2);
  Atomics.store(control, STATE, enum_.cancelled);
  Atomics.notify(control, STATE);
}

/**
 * Worker side: block until the page answers. Returns the line, or null when the wait was
 * cancelled or Stop raised the interrupt flag (which is then cleared: the caller raises
 * KeyboardInterrupt itself).
 */
export function waitForStdin(
  buffer: SharedArrayBuffer,
  interrupt: Uint8Array | undefined,
  announce: () => void,
): string | null {
  const control = new Int32Array(buffer, 0, 2);
  Atomics.store(control, STATE, enum_.waiting);
  announce();
  for (;;) {
    Atomics.wait(control, STATE, enum_.waiting, 100);
    const state = Atomics.load(control, STATE);
    if (state === enum_.answered) {
      const length = Atomics.load(control, LENGTH);
      // TextDecoder refuses views of shared memory, so copy the bytes out first.
      const bytes = new Uint8Array(buffer, HEADER_BYTES, length).slice();
      return new TextDecoder().decode(bytes);
    }
    if (state === enum_.cancelled || (interrupt && interrupt[0] !== 0)) {
      if (interrupt) interrupt[0] = 0;
      return null;
    }
  }
}
