/**
 * input() over a SharedArrayBuffer: the worker blocks in Atomics.wait until the page writes the
 * learner's line (or cancels, when Stop is pressed). Layout: Int32 state, Int32 byte length, bytes.
 */

import { clearInterrupt, interruptRequested } from './interrupt';

const STATE = 0;
const LENGTH = 1;
const HEADER_BYTES = 8;
const MAX_LINE_BYTES = 64 * 1024;

const State = { waiting: 0, answered: 1, cancelled: 2 } as const;

export function createStdinBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + MAX_LINE_BYTES);
}

/** Page side: answer the line Python is waiting for, or cancel the wait. */
export function answerStdin(buffer: SharedArrayBuffer, line: string): void {
  const control = new Int32Array(buffer, 0, 2);
  const bytes = new Uint8Array(buffer, HEADER_BYTES);
  // encodeInto refuses shared memory, so encode first and copy (cut at the buffer's size).
  const encoded = new TextEncoder().encode(line).subarray(0, bytes.length);
  bytes.set(encoded);
  const written = encoded.length;
  Atomics.store(control, LENGTH, written);
  Atomics.store(control, STATE, State.answered);
  Atomics.notify(control, STATE);
}

export function cancelStdin(buffer: SharedArrayBuffer): void {
  const control = new Int32Array(buffer, 0, 2);
  Atomics.store(control, STATE, State.cancelled);
  Atomics.notify(control, STATE);
}

/**
 * Worker side: block until the page answers. Returns the line, or null when the wait was
 * cancelled or Stop raised the interrupt flag (which is then cleared: the caller raises
 * KeyboardInterrupt itself).
 */
export function waitForStdin(
  buffer: SharedArrayBuffer,
  interrupt: Int32Array | undefined,
  announce: () => void,
): string | null {
  const control = new Int32Array(buffer, 0, 2);
  Atomics.store(control, STATE, State.waiting);
  announce(); // only now: an answer written before the store above would be lost
  for (;;) {
    Atomics.wait(control, STATE, State.waiting, 100);
    const state = Atomics.load(control, STATE);
    if (state === State.answered) {
      const length = Atomics.load(control, LENGTH);
      // TextDecoder refuses views of shared memory, so copy the bytes out first.
      const bytes = new Uint8Array(buffer, HEADER_BYTES, length).slice();
      return new TextDecoder().decode(bytes);
    }
    if (state === State.cancelled || interruptRequested(interrupt)) {
      if (interrupt) clearInterrupt(interrupt);
      return null;
    }
  }
}
