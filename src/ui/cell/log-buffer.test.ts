import { describe, expect, it } from 'vitest';
import { appendToLog, emptyLog, type LogLimits } from './log-buffer';

const limits: LogLimits = { maxLines: 5, maxChars: 1000, chunkLines: 2 };

function text(state: ReturnType<typeof emptyLog>): string {
  return state.chunks.map((chunk) => chunk.text).join('');
}

describe('appendToLog', () => {
  it('merges consecutive output of one kind and keeps kinds apart', () => {
    let log = appendToLog(emptyLog(), [
      { kind: 'stdout', text: 'a\n' },
      { kind: 'stderr', text: 'b\n' },
      { kind: 'stderr', text: 'c\n' },
    ]);
    expect(log.chunks.map((c) => [c.kind, c.text])).toEqual([
      ['stdout', 'a\n'],
      ['stderr', 'b\nc\n'],
    ]);
    log = appendToLog(log, [{ kind: 'stderr', text: 'd' }]);
    expect(log.chunks.at(-1)?.text).toBe('b\nc\nd');
  });

  it('keeps the last maxLines lines and counts the hidden ones', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i}\n`);
    let log = emptyLog();
    for (const line of lines) log = appendToLog(log, [{ kind: 'stdout', text: line }], limits);
    expect(text(log)).toBe(lines.slice(-5).join(''));
    expect(log.hiddenLines).toBe(7);
  });

  it('trims one huge chunk at a line boundary', () => {
    const big = Array.from({ length: 100 }, (_, i) => `${i}\n`).join('');
    const log = appendToLog(emptyLog(), [{ kind: 'stdout', text: big }], limits);
    expect(text(log)).toBe('95\n96\n97\n98\n99\n');
    expect(log.hiddenLines).toBe(95);
  });

  it('cuts a single enormous line by characters and marks the cut', () => {
    const log = appendToLog(
      emptyLog(),
      [{ kind: 'stdout', text: 'x'.repeat(5000) + '\n' }],
      limits,
    );
    const shown = text(log);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(1001);
    expect(shown.endsWith('x\n')).toBe(true);
  });

  it('adds lines the worker dropped to the hidden count', () => {
    const log = appendToLog(
      emptyLog(),
      [{ kind: 'stdout', text: 'tail\n', droppedLines: 40 }],
      limits,
    );
    expect(log.hiddenLines).toBe(40);
    expect(text(log)).toBe('tail\n');
  });

  it('stays within the limits for a 200,000-line flood fed in batches', () => {
    let log = emptyLog();
    const batch = Array.from({ length: 1000 }, (_, i) => `${i}\n`).join('');
    for (let i = 0; i < 200; i++) log = appendToLog(log, [{ kind: 'stdout', text: batch }]);
    const total = log.chunks.reduce((sum, chunk) => sum + chunk.lines, 0);
    expect(total).toBe(5000);
    expect(log.hiddenLines).toBe(195_000);
    expect(text(log).endsWith('998\n999\n')).toBe(true);
  });
});
