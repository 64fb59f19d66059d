/**
 * The interrupt flag shared with the worker (cross-origin isolated pages only). Pyodide polls it
 * while Python runs; our own blocking waits (time.sleep, input()) wait on it with Atomics so
 * that Stop wakes them at once.
 */

export function createInterruptBuffer(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** Page side: ask Python to raise KeyboardInterrupt (2 is SIGINT). */
export function requestInterrupt(flag: Int32Array): void {
  Atomics.store(flag, 0, 2);
  Atomics.notify(flag, 0);
}

export function clearInterrupt(flag: Int32Array): void {
  Atomics.store(flag, 0, 0);
}

export function interruptRequested(flag: Int32Array | undefined): boolean {
  return flag !== undefined && Atomics.load(flag, 0) !== 0;
}

/**
 * Worker side: sleeps for `seconds` unless Stop is pressed first. Returns true, with the flag
 * cleared, when it was interrupted (the caller raises KeyboardInterrupt).
 */
export function sleepUnlessInterrupted(flag: Int32Array, seconds: number): boolean {
  const deadline = performance.now() + seconds * 1000;
  for (;;) {
    if (interruptRequested(flag)) {
      clearInterrupt(flag);
      return true;
    }
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(flag, 0, 0, left);
  }
}
