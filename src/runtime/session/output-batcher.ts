import type { OutputStream, RuntimeEvent, RuntimeEventSink } from '../protocol';

export interface BatcherOptions {
  send: RuntimeEventSink;
  /** Output older than this is sent with the next write, or by a timer when Python yields. */
  maxDelayMs?: number;
  /** A batch this large is sent at once. */
  maxBatchChars?: number;
  /** Text held back beyond this (one enormous print) keeps only its end; the rest is counted. */
  maxPendingChars?: number;
  now?: () => number;
}

type OutputEvent = Extract<RuntimeEvent, { type: 'output' }>;

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Collects a running program's output into few, large messages. Python runs synchronously in
 * the worker, so timers cannot fire while it prints: a write flushes when the last flush is older
 * than `maxDelayMs` (so the first line of a quiet program shows at once), and a timer catches the
 * tail once Python yields or finishes.
 */
export class OutputBatcher {
  #send: RuntimeEventSink;
  #maxDelayMs: number;
  #maxBatchChars: number;
  #maxPendingChars: number;
  #now: () => number;
  #pending: OutputEvent[] = [];
  #pendingChars = 0;
  #lastFlush = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: BatcherOptions) {
    this.#send = options.send;
    this.#maxDelayMs = options.maxDelayMs ?? 16;
    this.#maxBatchChars = options.maxBatchChars ?? 64 * 1024;
    this.#maxPendingChars = options.maxPendingChars ?? 1024 * 1024;
    this.#now = options.now ?? (() => performance.now());
  }

  write(runId: number, stream: OutputStream, text: string): void {
    if (!text) return;
    let droppedLines = 0;
    if (text.length > this.#maxPendingChars) {
      // One enormous write keeps only its end; a cut inside a line is marked with "…".
      const cut = text.length - this.#maxPendingChars;
      droppedLines = countLines(text.slice(0, cut));
      text = (text[cut - 1] === '\n' ? '' : '…') + text.slice(cut);
    }
    const last = this.#pending.at(-1);
    if (last && last.runId === runId && last.stream === stream && !droppedLines) {
      last.text += text;
    } else {
      this.#pending.push({
        type: 'output',
        runId,
        stream,
        text,
        ...(droppedLines && { droppedLines }),
      });
    }
    this.#pendingChars += text.length;
    if (
      this.#pendingChars >= this.#maxBatchChars ||
      this.#now() - this.#lastFlush >= this.#maxDelayMs
    ) {
      this.flush();
    } else {
      this.#timer ??= setTimeout(() => this.flush(), this.#maxDelayMs);
    }
  }

  /** Sends any held output, then `event`, so the page sees them in the order they happened. */
  emit(event: RuntimeEvent): void {
    this.flush([event]);
  }

  flush(extra: RuntimeEvent[] = []): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#pending.length && !extra.length) return;
    const batch: RuntimeEvent[] = [...this.#pending, ...extra];
    this.#pending = [];
    this.#pendingChars = 0;
    this.#lastFlush = this.#now();
    this.#send(batch);
  }
}
