/**
 * The benchmark's verdicts: each target is judged on the run's own figures, against the bare
 * page that loads Pyodide as shipped, with the limit's own inclusiveness, and the report says
 * plainly which are missed.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, judgeTargets, type Figures } from './report';

const FIGURES: Figures = {
  stockBaselineColdMs: 1400,
  baselineColdMs: 540,
  bareWarmMs: 290,
  appColdMs: 640,
  appWarmMs: 320,
  roundTripMs: 14.1,
  stopMs: 2,
  floodMs: 700,
  flood: { longTasks: 0, longTaskTotalMs: 0, longestTaskMs: 0 },
  shell: { files: 7, raw: 180 * 1024, gzip: 66 * 1024 },
};

describe('judgeTargets', () => {
  it('divides by the as-shipped floor and meets all five on good figures', () => {
    const targets = judgeTargets(FIGURES);
    expect(targets.map((item) => item.met)).toEqual([true, true, true, true, true]);
    expect(targets[0]!.value).toBeCloseTo(640 / 1400);
    expect(targets[1]!.value).toBeCloseTo(320 / 1400);
    expect(targets[4]!.value).toBe(66);
  });

  it('misses a ratio above its limit, and keeps an inclusive limit inclusive', () => {
    const slow = judgeTargets({ ...FIGURES, appColdMs: 1500, appWarmMs: 0.33 * 1400 });
    expect(slow[0]!.met).toBe(false);
    expect(slow[1]!.met).toBe(true); // exactly 0.33x
    const stuck = judgeTargets({ ...FIGURES, roundTripMs: 30, stopMs: 250 });
    expect(stuck[2]!.met).toBe(false); // under 30 ms, so 30 is a miss
    expect(stuck[3]!.met).toBe(false);
  });
});

describe('formatReport', () => {
  it('prints each verdict, the count, and the stricter floors with their ratios', () => {
    const report = formatReport({ ...FIGURES, stopMs: 250 });
    expect(report).toMatch(/Stop of while True: pass\s+250 ms\s+< 200 ms\s+NOT MET/);
    expect(report).toContain('4 of 5 targets met.');
    expect(report).toMatch(/app cold \/ it\s+1\.19x/);
    expect(report).toMatch(/app repeat visit \/ it\s+1\.10x/);
  });
});
