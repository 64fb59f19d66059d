/** What this page can do for Python, decided once at start-up. */
export interface Capabilities {
  /**
   * Cross-origin isolated with SharedArrayBuffer: Stop interrupts Python and keeps its state,
   * and input() can block until the learner answers.
   */
  isolated: boolean;
}

export function detectCapabilities(scope: typeof globalThis = globalThis): Capabilities {
  return {
    isolated: scope.crossOriginIsolated === true && typeof scope.SharedArrayBuffer === 'function',
  };
}
