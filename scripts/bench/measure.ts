/**
 * Measurements the benchmark takes in headless Chromium against a served build. Times come
 * from the page's own clock (performance.now, from navigation start) through in-page probes.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/browser.ts';
import { installProbes, type ProbeTimes } from './probes.ts';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

export function playgroundUrl(origin: string, code: string): string {
  return `${origin}/playground#code=${Buffer.from(code, 'utf8').toString('base64url')}`;
}

async function probeTimes(
  page: Page,
  timeoutMs = 60_000,
): Promise<Required<Pick<ProbeTimes, 'firstOutputAt'>> & ProbeTimes> {
  await page.waitForFunction(
    () => (window as unknown as { __bench?: ProbeTimes }).__bench?.firstOutputAt !== undefined,
    null,
    {
      timeout: timeoutMs,
      polling: 100,
    },
  );
  return page.evaluate(
    () => (window as unknown as { __bench: ProbeTimes & { firstOutputAt: number } }).__bench,
  );
}

/** Navigates and returns ms from navigation start to the first output containing `expected`. */
export async function timeToFirstOutput(page: Page, url: string, expected = 'hi'): Promise<number> {
  // tsx compiles with keepNames, so functions sent to the page may call esbuild's __name.
  await page.addInitScript(() => {
    (globalThis as unknown as { __name: (fn: unknown) => unknown }).__name = (fn) => fn;
  });
  await page.addInitScript(installProbes, expected);
  // A page that breaks (a blocked script, a failed fetch) says why instead of only timing out.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(url, { waitUntil: 'commit' });
  try {
    return (await probeTimes(page)).firstOutputAt;
  } catch (error) {
    if (problems.length === 0) throw error;
    throw new Error(
      `${url} printed no "${expected}"; the page reported:\n  ${problems.join('\n  ')}`,
      {
        cause: error,
      },
    );
  }
}

export interface ShellBytes {
  files: number;
  raw: number;
  gzip: number;
}

/**
 * JS and CSS the page fetched before Run was pressed, excluding the Python runtime's own files
 * and Monaco (loaded later, on demand), measured gzip-compressed from the built files.
 */
export async function shellBytes(requested: string[], outDir: string): Promise<ShellBytes> {
  const shell = requested.filter(
    (pathname) =>
      /\.(m?js|css)$/.test(pathname) &&
      !pathname.includes('/pyodide/') &&
      !/monaco|editor\.worker|codicon/.test(pathname),
  );
  let raw = 0;
  let gzip = 0;
  for (const pathname of new Set(shell)) {
    const content = await readFile(path.join(outDir, pathname));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: new Set(shell).size, raw, gzip };
}

/** Clicks Run and measures, in the page, until the log shows `expected` and the run ended. */
export async function roundTrip(page: Page, expected: string): Promise<number> {
  return page.evaluate(async (text) => {
    const run = [...document.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Run',
    )!;
    const stop = [...document.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Stop',
    )!;
    const log = () => document.querySelector('[role="log"]')?.textContent ?? '';
    const started = performance.now();
    run.click();
    await new Promise<void>((resolve) => {
      const check = () =>
        log().includes(text) && stop.disabled ? resolve() : requestAnimationFrame(check);
      // The log is cleared when the run starts, so wait for that first.
      queueMicrotask(check);
    });
    return performance.now() - started;
  }, expected);
}

/** Starts `while True: pass` (already in the editor), then measures Stop until the run ends. */
export async function stopLatency(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const buttons = () => [...document.querySelectorAll('button')];
    const run = buttons().find((button) => button.textContent?.trim() === 'Run')!;
    const stop = buttons().find((button) => button.textContent?.trim() === 'Stop')!;
    run.click();
    // Let the loop get going: wait until the cell says it is running, then 300 ms more.
    await new Promise<void>((resolve) => {
      const check = () =>
        document.body.textContent?.includes('Running…') ? resolve() : setTimeout(check, 10);
      check();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    stop.click();
    await new Promise<void>((resolve) => {
      const check = () => (stop.disabled ? resolve() : setTimeout(check, 1));
      check();
    });
    return performance.now() - started;
  });
}

export interface FloodFigures {
  ms: number;
  longTasks: number;
  longTaskTotalMs: number;
  longestTaskMs: number;
}

/** Runs a 200,000-line print loop (already in the editor); time to the last line, long tasks. */
export async function flood(page: Page): Promise<FloodFigures> {
  return page.evaluate(async () => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => tasks.push(entry.duration)),
    );
    observer.observe({ type: 'longtask', buffered: false });
    const buttons = () => [...document.querySelectorAll('button')];
    const run = buttons().find((button) => button.textContent?.trim() === 'Run')!;
    const stop = buttons().find((button) => button.textContent?.trim() === 'Stop')!;
    const log = () => document.querySelector('[role="log"]')?.textContent ?? '';
    const started = performance.now();
    run.click();
    await new Promise<void>((resolve) => {
      const check = () =>
        stop.disabled && log().includes('199999') ? resolve() : setTimeout(check, 5);
      setTimeout(check, 5);
    });
    const ms = performance.now() - started;
    observer.disconnect();
    return {
      ms,
      longTasks: tasks.length,
      longTaskTotalMs: tasks.reduce((sum, duration) => sum + duration, 0),
      longestTaskMs: Math.max(0, ...tasks),
    };
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
