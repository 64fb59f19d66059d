/**
 * In-page probes for the benchmark, installed before any page script runs: they record when
 * the first output appears and press Run the moment the button exists, measured on the page's
 * own clock (no polling delay from the test driver).
 */

export interface ProbeTimes {
  runClickedAt?: number;
  firstOutputAt?: number;
}

/** Runs in the page (serialised by Playwright): keep it self-contained. */
export function installProbes(expected: string): void {
  const state: ProbeTimes = {};
  (window as unknown as { __bench: ProbeTimes }).__bench = state;
  const observer = new MutationObserver(() => {
    if (state.runClickedAt === undefined) {
      const run = [...document.querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === 'Run',
      );
      if (run) {
        state.runClickedAt = performance.now();
        run.click();
      }
    }
    if (state.firstOutputAt === undefined) {
      const log = document.querySelector('[role="log"]') ?? document.getElementById('out');
      if (log?.textContent?.includes(expected)) {
        state.firstOutputAt = performance.now();
        observer.disconnect();
      }
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
  );
}
