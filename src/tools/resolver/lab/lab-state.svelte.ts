/**
 * One resolver lab: the learner's text, the last outcome (PubGrub's result and its trace, the
 * naive search on the same text), the lock file, and which view is open. The newest Resolve
 * wins: an older one still running is aborted.
 */
import type { EditorMarker } from '../../../editor';
import { formatLockFile, type Problem, type SolveResult } from '..';
import { EngineTimeout, type LabEngine } from './engine';
import type { LabTab } from './lab-tabs';
import type { NaiveSummary, TextProblem } from './protocol';
import { readProblemText } from './read-text';
import { TraceStepper } from './stepper.svelte';

/** Versions the naive search may try before it gives up. */
export const NAIVE_MAX_STEPS = 200_000;

export interface Resolved {
  readonly text: string;
  readonly problem: Problem;
  readonly result: SolveResult;
  readonly ms: number;
}

type Phase = 'idle' | 'running' | 'done' | 'invalid' | 'error';

function toMarkers(problems: readonly TextProblem[]): EditorMarker[] {
  return problems.map(({ line, message }) => ({
    source: 'resolver',
    severity: 'error',
    message,
    line,
  }));
}

function errorText(error: unknown, what: string): string {
  if (error instanceof EngineTimeout) {
    return `${what} was stopped after ${error.seconds} s: the index is too hard to search here.`;
  }
  return `${what} failed: ${error instanceof Error ? error.message : String(error)}`;
}

export class ResolverLab {
  text = $state('');
  tab = $state<LabTab>('step');
  readonly #engine: LabEngine;
  #original = $state('');
  #phase = $state<Phase>('idle');
  #error = $state<string | null>(null);
  #problems = $state.raw<{ text: string; problems: readonly TextProblem[] } | null>(null);
  #resolved = $state.raw<Resolved | null>(null);
  #stepper = $state.raw<TraceStepper | null>(null);
  #naive = $state.raw<NaiveSummary | null>(null);
  #naivePhase = $state<Phase>('idle');
  #naiveError = $state<string | null>(null);
  #lockText = $state<string | null>(null);
  #controller: AbortController | null = null;

  /** Mistakes in the text as typed, or those the last Resolve found in this same text. */
  readonly markers = $derived.by((): EditorMarker[] => {
    const read = readProblemText(this.text);
    if (!read.ok) return toMarkers(read.problems);
    return this.#problems?.text === this.text ? toMarkers(this.#problems.problems) : [];
  });

  /** `original` is what Reset goes back to, when `text` is the learner's saved version. */
  constructor(text: string, engine: LabEngine, options: { tab?: LabTab; original?: string } = {}) {
    this.text = text;
    this.#original = options.original ?? text;
    this.#engine = engine;
    this.tab = options.tab ?? 'step';
  }

  get original(): string {
    return this.#original;
  }
  get phase(): Phase {
    return this.#phase;
  }
  get error(): string | null {
    return this.#error;
  }
  get resolved(): Resolved | null {
    return this.#resolved;
  }
  get stepper(): TraceStepper | null {
    return this.#stepper;
  }
  get naive(): NaiveSummary | null {
    return this.#naive;
  }
  get naivePhase(): Phase {
    return this.#naivePhase;
  }
  get naiveError(): string | null {
    return this.#naiveError;
  }
  get lockText(): string | null {
    return this.#lockText;
  }
  /** The text changed since the results shown were computed. */
  get stale(): boolean {
    return this.#resolved !== null && this.#resolved.text !== this.text;
  }
  get changed(): boolean {
    return this.text !== this.#original;
  }

  /** Starts over from other text (a preset); results from the old text are cleared. */
  load(text: string): void {
    this.#controller?.abort();
    this.text = text;
    this.#original = text;
    this.#clear();
  }

  reset(): void {
    this.text = this.#original;
  }

  async resolve(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    const text = this.text;
    this.#phase = 'running';
    this.#error = null;
    let outcome;
    try {
      outcome = await this.#engine.resolve(text, signal);
    } catch (error) {
      if (signal.aborted) return;
      this.#clear();
      this.#phase = 'error';
      this.#error = errorText(error, 'PubGrub');
      return;
    }
    if (signal.aborted) return;
    if (outcome.kind === 'invalid') {
      this.#clear();
      this.#phase = 'invalid';
      this.#problems = { text, problems: outcome.problems };
      return;
    }
    this.#problems = null;
    this.#resolved = { text, problem: outcome.problem, result: outcome.result, ms: outcome.ms };
    this.#stepper = new TraceStepper(outcome.result.steps);
    this.#lockText = null;
    this.#phase = 'done';
    await this.#compare(text, signal);
  }

  async #compare(text: string, signal: AbortSignal): Promise<void> {
    this.#naive = null;
    this.#naiveError = null;
    this.#naivePhase = 'running';
    try {
      const naive = await this.#engine.runNaive(text, NAIVE_MAX_STEPS, signal);
      if (signal.aborted) return;
      this.#naive = naive;
      this.#naivePhase = naive ? 'done' : 'invalid';
    } catch (error) {
      if (signal.aborted) return;
      this.#naivePhase = 'error';
      this.#naiveError = errorText(error, 'The naive search');
    }
  }

  /** Writes the solution as a lock file and shows it. */
  lock(): void {
    const resolved = this.#resolved;
    if (!resolved?.result.ok) return;
    this.#lockText = formatLockFile(resolved.problem, resolved.result.solution);
    this.tab = 'lock';
  }

  /** Stops a running search and frees the worker. */
  dispose(): void {
    this.#controller?.abort();
    this.#engine.dispose();
  }

  #clear(): void {
    this.#phase = 'idle';
    this.#error = null;
    this.#problems = null;
    this.#resolved = null;
    this.#stepper = null;
    this.#naive = null;
    this.#naivePhase = 'idle';
    this.#naiveError = null;
    this.#lockText = null;
  }
}
