/** When output reaches the page's log: at once for a quiet log, then at most once per frame. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputLog } from './output-log.svelte';

let frames: Array<() => void> = [];

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => {};
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function nextFrame(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
}

describe('OutputLog', () => {
  it('shows the first output of a quiet log at once', () => {
    const log = new OutputLog();
    log.append('stdout', 'hi\n');
    expect(log.text).toBe('hi\n');
  });

  it('holds output arriving in the same frame until the next one', () => {
    const log = new OutputLog();
    log.append('stdout', 'a\n');
    log.append('stdout', 'b\n');
    log.append('stderr', 'c\n');
    expect(log.text).toBe('a\n');
    nextFrame();
    expect(log.text).toBe('a\nb\nc\n');
    expect(log.state.chunks.map((chunk) => chunk.kind)).toEqual(['stdout', 'stderr']);
  });

  it('applies a steady stream once per frame, and is quiet again after an empty frame', () => {
    const log = new OutputLog();
    const states = new Set<unknown>();
    for (let frame = 0; frame < 3; frame++) {
      for (let line = 0; line < 5; line++) log.append('stdout', `${frame}.${line}\n`);
      states.add(log.state);
      nextFrame();
      states.add(log.state);
    }
    expect(states.size).toBe(4); // the first at once, then one per frame
    expect(log.text.split('\n')).toHaveLength(16);
    nextFrame(); // nothing arrived: the log is quiet
    expect(frames).toHaveLength(0);
    log.append('stdout', 'later\n');
    expect(log.text.endsWith('later\n')).toBe(true);
  });

  it('flushes pending output at the end of a run and clears everything', () => {
    const log = new OutputLog();
    log.append('stdout', 'a\n');
    log.append('stdout', 'b\n');
    log.flush();
    expect(log.text).toBe('a\nb\n');
    log.append('stdout', 'c\n');
    expect(log.text).toBe('a\nb\nc\n');
    log.clear();
    expect(log.isEmpty).toBe(true);
  });
});
