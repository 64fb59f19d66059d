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

/**
 * The flag as Pyodide should poll it (give this to `setInterruptBuffer`, not the flag itself).
 * CPython's check reads the flag and then writes 0, two steps with no lock: a Stop stored
 * between them was wiped out and the program ran on (docs/start-up.md says how often).
 * Through this view the write clears only the value that was read, so a Stop that arrives in
 * between stays set for the next check.
 */
export function pollableInterruptFlag(flag: Int32Array): Int32Array {
  let seen = 0;
  const view = {
    get 0() {
      seen = Atomics.load(flag, 0);
      return seen;
    },
    set 0(value: number) {
      if (value === 0) Atomics.compareExchange(flag, 0, seen, 0);
      else Atomics.store(flag, 0, value);
    },
  };
  return view as unknown as Int32Array;
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
    if (Atomics.exchange(flag, 0, 0) !== 0) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(flag, 0, 0, left);
  }
}
