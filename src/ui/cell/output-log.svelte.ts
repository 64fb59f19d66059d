import { appendToLog, emptyLog, type LogKind, type LogLimits, type LogState } from './log-buffer';

type Entry = { kind: LogKind; text: string; droppedLines?: number };

/**
 * What an Output log shows. Output arriving in a burst is applied once per animation frame,
 * so a program that prints without pause never makes the page re-render faster than it paints.
 */
export class OutputLog {
  state = $state.raw<LogState>(emptyLog());
  #pending: Entry[] = [];
  #frame: number | undefined;
  #limits: LogLimits | undefined;

  constructor(limits?: LogLimits) {
    this.#limits = limits;
  }

  get isEmpty(): boolean {
    return !this.state.chunks.length && !this.#pending.length && !this.state.hiddenLines;
  }

  append(kind: LogKind, text: string, droppedLines = 0): void {
    this.#pending.push({ kind, text, droppedLines });
    this.#frame ??= requestAnimationFrame(() => this.flush());
  }

  /** Applies pending output now (at the end of a run, so nothing waits for the next frame). */
  flush(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    if (!this.#pending.length) return;
    this.state = appendToLog(this.state, this.#pending, this.#limits);
    this.#pending = [];
  }

  clear(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#pending = [];
    this.state = emptyLog();
  }

  /** Everything shown, as plain text (for copying). */
  get text(): string {
    return this.state.chunks.map((chunk) => chunk.text).join('');
  }
}
