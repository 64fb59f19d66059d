import { appendToLog, emptyLog, type LogKind, type LogLimits, type LogState } from './log-buffer';

type Entry = { kind: LogKind; text: string; droppedLines?: number };

/**
 * What an Output log shows. Output to a quiet log shows at once; more arriving in the same
 * frame waits for the next one, so a program that prints without pause never makes the page
 * re-render faster than it paints.
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
    if (this.#frame !== undefined) return; // this frame has shown output already
    this.#apply();
    this.#frame = requestAnimationFrame(() => this.#nextFrame());
  }

  #nextFrame(): void {
    this.#frame = undefined;
    if (!this.#pending.length) return;
    this.#apply();
    this.#frame = requestAnimationFrame(() => this.#nextFrame());
  }

  #apply(): void {
    this.state = appendToLog(this.state, this.#pending, this.#limits);
    this.#pending = [];
  }

  /** Applies pending output now (at the end of a run, so nothing waits for the next frame). */
  flush(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    if (this.#pending.length) this.#apply();
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
