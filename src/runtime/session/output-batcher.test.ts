import { describe, expect, it } from 'vitest';
import { OutputBatcher } from './output-batcher';
import type { RuntimeEvent } from '../protocol';

function setup(options: { maxBatchChars?: number; maxPendingChars?: number } = {}) {
  let now = 0;
  const sent: RuntimeEvent[][] = [];
  const batcher = new OutputBatcher({
    send: (events) => sent.push(events),
    now: () => now,
    maxDelayMs: 16,
    ...options,
  });
  return { batcher, sent, advance: (ms: number) => (now += ms) };
}

describe('OutputBatcher', () => {
  it('sends the first write at once, then groups writes within the delay', () => {
    const { batcher, sent, advance } = setup();
    batcher.write(1, 'stdout', 'a\n');
    expect(sent).toHaveLength(1);
    advance(5);
    batcher.write(1, 'stdout', 'b\n');
    batcher.write(1, 'stdout', 'c\n');
    expect(sent).toHaveLength(1);
    advance(20);
    batcher.write(1, 'stdout', 'd\n');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual([{ type: 'output', runId: 1, stream: 'stdout', text: 'b\nc\nd\n' }]);
  });

  it('keeps streams and runs apart, in order', () => {
    const { batcher, sent } = setup();
    batcher.write(1, 'stdout', 'first');
    batcher.write(1, 'stderr', 'oops');
    batcher.write(1, 'stdout', 'again');
    batcher.flush();
    expect(
      sent
        .flat()
        .map((event) => (event.type === 'output' ? `${event.stream}:${event.text}` : event.type)),
    ).toEqual(['stdout:first', 'stderr:oops', 'stdout:again']);
  });

  it('flushes a large batch without waiting for the delay', () => {
    const { batcher, sent } = setup({ maxBatchChars: 10 });
    batcher.write(1, 'stdout', 'x');
    batcher.write(1, 'stdout', '0123456789');
    expect(sent).toHaveLength(2);
  });

  it('keeps the end of one enormous write, counting the lines it drops and marking a cut line', () => {
    const { batcher, sent } = setup({ maxPendingChars: 10 });
    batcher.write(1, 'stdout', 'line1\nline2\nxxxxxxxxxxxxxxx');
    expect(sent[0]).toEqual([
      { type: 'output', runId: 1, stream: 'stdout', text: '…xxxxxxxxxx', droppedLines: 2 },
    ]);
  });

  it('sends pending output before an event, so the page sees them in order', () => {
    const { batcher, sent, advance } = setup();
    batcher.write(1, 'stdout', 'a');
    advance(1);
    batcher.write(1, 'stdout', 'Name? ');
    batcher.emit({ type: 'input', runId: 1 });
    expect(sent.at(-1)).toEqual([
      { type: 'output', runId: 1, stream: 'stdout', text: 'Name? ' },
      { type: 'input', runId: 1 },
    ]);
  });
});
