/**
 * What `npm run bench` prints: the performance targets, each with its measured value and
 * whether it is met, then the comparisons with Wheelhouse's own, stricter floors (which have
 * no target: they show how much of the app's start is the app's own doing).
 *
 * The targets' baseline is a bare page that loads Pyodide's files as the npm package ships
 * them, in a worker, and prints: the floor for any page built on this runtime. The site serves
 * its standard library with bytecode instead (stdlib-bytecode.ts), which the stricter floors
 * share: one loads the site's files on a bare page, one restores a raw snapshot on a bare page.
 */
import type { ShellBytes } from './measure.ts';

/** The medians a benchmark run measured. */
export interface Figures {
  /** Bare page, Pyodide's files as shipped: cold first output. */
  stockBaselineColdMs: number;
  /** Bare page, the site's files: cold first output. */
  baselineColdMs: number;
  /** Bare page, the site's files, restoring a raw snapshot on a repeat visit. */
  bareWarmMs: number;
  appColdMs: number;
  appWarmMs: number;
  roundTripMs: number;
  stopMs: number;
  floodMs: number;
  flood: { longTasks: number; longTaskTotalMs: number; longestTaskMs: number };
  shell: ShellBytes;
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  /** Whether the value may equal the limit ("within 1.05x") or must stay below it ("under 30 ms"). */
  inclusive: boolean;
  unit: 'x' | 'ms' | 'KB';
  met: boolean;
}

function target(
  name: string,
  value: number,
  limit: number,
  unit: Target['unit'],
  inclusive: boolean,
): Target {
  return { name, value, limit, unit, inclusive, met: inclusive ? value <= limit : value < limit };
}

/** The five targets of the performance work, judged on one run's figures. */
export function judgeTargets(figures: Figures): Target[] {
  const floor = figures.stockBaselineColdMs;
  return [
    target(
      'cold first output / bare Pyodide page, cold',
      figures.appColdMs / floor,
      1.05,
      'x',
      true,
    ),
    target(
      'repeat visit first output / bare Pyodide page, cold',
      figures.appWarmMs / floor,
      0.33,
      'x',
      true,
    ),
    target('trivial run round-trip', figures.roundTripMs, 30, 'ms', false),
    target('Stop of while True: pass', figures.stopMs, 200, 'ms', false),
    target(
      'app shell JS+CSS before the first Run (gzip)',
      figures.shell.gzip / 1024,
      200,
      'KB',
      false,
    ),
  ];
}

function show(value: number, unit: Target['unit']): string {
  if (unit === 'x') return `${value.toFixed(2)}x`;
  const tenths = unit === 'ms' && value < 100 && !Number.isInteger(value);
  return `${value.toFixed(tenths ? 1 : 0)} ${unit}`;
}

function row(name: string, value: string, note = ''): string {
  return `${name.padEnd(54)} ${value.padStart(14)}  ${note}`.trimEnd();
}

export function formatReport(figures: Figures, targets = judgeTargets(figures)): string {
  const { baselineColdMs: sameFiles, bareWarmMs, appColdMs, appWarmMs, flood, shell } = figures;
  const met = targets.filter((item) => item.met).length;
  return [
    row('targets (medians; ratios from this run)', 'measured', 'target'),
    ...targets.map((item) =>
      row(
        item.name,
        show(item.value, item.unit),
        `${item.inclusive ? '<=' : '<'} ${show(item.limit, item.unit)}  ${item.met ? 'met' : 'NOT MET'}`,
      ),
    ),
    `${met} of ${targets.length} targets met.`,
    '',
    row('times (medians)', 'measured'),
    row(
      'bare Pyodide page (files as shipped): cold',
      `${figures.stockBaselineColdMs.toFixed(0)} ms`,
    ),
    row('app: cold first output (Run pressed at once)', `${appColdMs.toFixed(0)} ms`),
    row('app: repeat visit first output', `${appWarmMs.toFixed(0)} ms`),
    row('200,000 printed lines shown', `${figures.floodMs.toFixed(0)} ms`),
    row(
      '  long tasks during it (count / total / max)',
      `${flood.longTasks} / ${flood.longTaskTotalMs.toFixed(0)} / ${flood.longestTaskMs.toFixed(0)} ms`,
    ),
    row(
      '  shell files and raw size',
      `${shell.files} files`,
      `${(shell.raw / 1024).toFixed(0)} KB`,
    ),
    '',
    row("stricter floors: bare pages with the site's own files", 'measured', '(no target)'),
    row("bare page, site's files (bytecode stdlib): cold", `${sameFiles.toFixed(0)} ms`),
    row('  app cold / it', `${(appColdMs / sameFiles).toFixed(2)}x`),
    row('  app repeat visit / it', `${(appWarmMs / sameFiles).toFixed(2)}x`),
    row('bare page restoring a raw snapshot: repeat visit', `${bareWarmMs.toFixed(0)} ms`),
    row("  it / bare page with site's files, cold", `${(bareWarmMs / sameFiles).toFixed(2)}x`),
    row('  app repeat visit / it', `${(appWarmMs / bareWarmMs).toFixed(2)}x`),
  ].join('\n');
}
