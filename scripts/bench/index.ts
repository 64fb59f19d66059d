/**
 * npm run bench: builds the app, serves it, and drives headless Chromium to measure what a
 * learner feels, against bare pages: one that loads Pyodide as its npm package ships it (the
 * targets' baseline), one that loads the site's own files (its standard library has bytecode),
 * and one that restores a raw snapshot on a repeat visit (the floor for warm starts). Prints
 * each target with its verdict, then the stricter floors (report.ts), as medians and ratios
 * measured in the same run, and writes bench-results.json.
 *
 *   npm run bench -- [--runs 5] [--skip-resolver]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { build, preview } from 'vite';
import { formatBenchmarkTable, runResolverBenchmark } from './resolver.ts';
import {
  BASELINE_PAGE,
  STOCK_BASELINE_PAGE,
  WARM_BASELINE_KEPT,
  WARM_BASELINE_PAGE,
  writeBaseline,
} from './baseline.ts';
import {
  flood,
  launch,
  median,
  playgroundUrl,
  roundTrip,
  shellBytes,
  stopLatency,
  timeToFirstOutput,
  type FloodFigures,
  type ShellBytes,
} from './measure.ts';
import { formatReport, judgeTargets, type Figures } from './report.ts';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const OUT_DIR = path.resolve('node_modules/.cache/wheelhouse-bench/dist');

async function resourcesBeforeRun(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clicked =
      (window as unknown as { __bench: { runClickedAt?: number } }).__bench.runClickedAt ??
      Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= clicked)
      .map((entry) => new URL(entry.name).pathname);
  });
}

/**
 * One cold visit of the app in a fresh profile and, once it is idle, a repeat visit in the same
 * profile. Also lists what the cold visit fetched before its Run was pressed.
 */
async function appVisits(url: string): Promise<{ cold: number; warm: number; shell: string[] }> {
  const browser = await launch(); // a fresh profile each cold run
  try {
    const context = await browser.newContext();
    const first = await context.newPage();
    const cold = await timeToFirstOutput(first, url);
    const shell = await resourcesBeforeRun(first);
    // Give the first visit time to finish its background work (caches, snapshot) as a
    // learner's tab would, then come back.
    if (!(await runtimeIdle(first))) console.warn('  (the first visit was not idle within 30 s)');
    // The service worker registers once Python is idle; a repeat visit is one it serves.
    const activated = await Promise.race([
      first.evaluate(() => navigator.serviceWorker.ready.then(() => true)),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000)),
    ]);
    if (!activated) console.warn('  (the service worker did not activate within 60 s)');
    await first.close();
    const second = await context.newPage();
    const warm = await timeToFirstOutput(second, url);
    return { cold, warm, shell };
  } finally {
    await browser.close();
  }
}

/** Waits until Python is ready and its background work (the next visit's snapshot too) is done. */
function runtimeIdle(page: Page): Promise<boolean> {
  return page
    .waitForFunction(() => document.documentElement.dataset.runtimeIdle === 'true', null, {
      timeout: 30_000,
    })
    .then(
      () => true,
      () => false,
    );
}

async function baselineVisit(origin: string, baseline: string): Promise<number> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    return await timeToFirstOutput(page, `${origin}/${baseline}`);
  } finally {
    await browser.close();
  }
}

/** The warm floor: a first visit keeps its snapshot, and the repeat visit in the same profile is timed. */
async function baselineWarmVisit(origin: string): Promise<number> {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const first = await context.newPage();
    await timeToFirstOutput(first, `${origin}/${WARM_BASELINE_PAGE}`, WARM_BASELINE_KEPT);
    await first.close();
    return await timeToFirstOutput(await context.newPage(), `${origin}/${WARM_BASELINE_PAGE}`);
  } finally {
    await browser.close();
  }
}

/**
 * The baseline and the app take turns, round by round, so a machine that gets busier or
 * quieter during the benchmark shifts both alike and their ratio stays fair.
 */
async function coldStarts(origin: string) {
  const url = playgroundUrl(origin, 'print("hi")');
  const base: number[] = [];
  const stock: number[] = [];
  const bareWarm: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  let shell: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    base.push(await baselineVisit(origin, BASELINE_PAGE));
    stock.push(await baselineVisit(origin, STOCK_BASELINE_PAGE));
    bareWarm.push(await baselineWarmVisit(origin));
    const visits = await appVisits(url);
    cold.push(visits.cold);
    warm.push(visits.warm);
    if (run === 0) shell = visits.shell;
  }
  return { base, stock, bareWarm, cold, warm, shell };
}

interface Interactive {
  roundTrips: number[];
  stops: number[];
  floods: FloodFigures[];
}

async function interactive(origin: string): Promise<Interactive> {
  const browser = await launch();
  const page = await browser.newPage();
  await timeToFirstOutput(page, playgroundUrl(origin, 'print("x")'), 'x');
  // Measured once the page is quiet: a first visit makes its snapshot in the background.
  await runtimeIdle(page);
  const roundTrips: number[] = [];
  for (let i = 0; i < 23; i++) {
    const ms = await roundTrip(page, 'x');
    if (i >= 3) roundTrips.push(ms); // the first runs warm the JIT
  }
  await page.goto(playgroundUrl(origin, 'while True:\n    pass'));
  await runtimeIdle(page);
  const stops: number[] = [];
  for (let i = 0; i < 5; i++) stops.push(await stopLatency(page));
  await page.goto(playgroundUrl(origin, 'for i in range(200_000):\n    print(i)'));
  await runtimeIdle(page);
  const floods: FloodFigures[] = [];
  for (let i = 0; i < 3; i++) floods.push(await flood(page));
  await browser.close();
  return { roundTrips, stops, floods };
}

async function main(): Promise<void> {
  console.log(`Building into ${path.relative(process.cwd(), OUT_DIR)} …`);
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  await writeBaseline(OUT_DIR);
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 4390, strictPort: false },
  });
  const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  console.log(`Serving at ${origin}; ${RUNS} runs each.\n`);
  try {
    const app = await coldStarts(origin);
    const base = app.base;
    const shell: ShellBytes = await shellBytes(app.shell, OUT_DIR);
    const live = await interactive(origin);
    const lastFlood = live.floods[live.floods.length - 1]!;
    const figures: Figures = {
      stockBaselineColdMs: median(app.stock),
      baselineColdMs: median(base),
      bareWarmMs: median(app.bareWarm),
      appColdMs: median(app.cold),
      appWarmMs: median(app.warm),
      roundTripMs: median(live.roundTrips),
      stopMs: median(live.stops),
      floodMs: median(live.floods.map((item) => item.ms)),
      flood: lastFlood,
      shell,
    };
    const targets = judgeTargets(figures);
    const results = {
      runs: RUNS,
      date: new Date().toISOString(),
      ...figures,
      targets,
      samples: {
        baseline: base,
        stockBaseline: app.stock,
        bareWarm: app.bareWarm,
        cold: app.cold,
        warm: app.warm,
        roundTrips: live.roundTrips,
        stops: live.stops,
      },
      resolver: args.includes('--skip-resolver') ? null : runResolverBenchmark(),
    };
    console.log(formatReport(figures, targets));
    if (results.resolver)
      console.log(
        `\nResolver (PubGrub vs naive backtracking):\n${formatBenchmarkTable(results.resolver)}`,
      );
    await writeFile('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nWrote bench-results.json');
  } finally {
    await server.close();
  }
}

await main();
