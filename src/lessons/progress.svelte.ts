/**
 * The learner's progress per pack: exercises passed, hints taken, their code in every cell,
 * the lessons visited and the last one. Changes show at once and are written to storage
 * straight away, one write at a time, so typing never waits. When the page is hidden or
 * closed, what is not yet written also goes to a synchronous journal (`journal()`), which the
 * next load prefers: an IndexedDB write started as a tab closes may never finish.
 */
import { getContext, setContext } from 'svelte';
import type { PackProgress, ProgressExport } from './progress-model';
import {
  describeStorageError,
  indexedDbStorage,
  localJournal,
  type JournalStorage,
  type ProgressStorage,
} from './progress-storage';

export class ProgressStore {
  /** Why progress cannot be saved right now, for a visible notice; null when all is well. */
  notice = $state<string | null>(null);
  #packs: Record<string, PackProgress> = $state({});
  #storage: ProgressStorage;
  #dirty = new Set<string>();
  /** The write under way; changes made meanwhile are written right after it. */
  #writing: Promise<void> | undefined;
  #loading = new Map<string, Promise<PackProgress>>();
  #journalStorage: JournalStorage;
  /** Per pack: changes so far, the last change written, the last change journaled. */
  #revision = new Map<string, number>();
  #written = new Map<string, number>();
  #journaled = new Map<string, number>();

  constructor(
    storage: ProgressStorage = indexedDbStorage('wheelhouse-progress'),
    journal: JournalStorage = localJournal(),
  ) {
    this.#storage = storage;
    this.#journalStorage = journal;
  }

  /**
   * Synchronously keeps every change not yet written (call it when the page is hidden or
   * closing). The next load prefers it; a later successful write makes it obsolete.
   */
  journal(): void {
    for (const [id, revision] of this.#revision) {
      if ((this.#written.get(id) ?? 0) >= revision) continue;
      this.#journalStorage.write(journalKey(id), JSON.stringify($state.snapshot(this.#packs[id])));
      this.#journaled.set(id, revision);
    }
  }

  /** Reads a pack's progress from storage (once); later calls return the same. */
  load(packId: string): Promise<PackProgress> {
    let loading = this.#loading.get(packId);
    if (!loading) {
      loading = this.#read(packId);
      this.#loading.set(packId, loading);
    }
    return loading;
  }

  /** A pack's progress as loaded so far (reactive); empty until `load` finishes. */
  of(packId: string): PackProgress {
    return this.#packs[packId] ?? emptyProgress(packId);
  }

  async #read(packId: string): Promise<PackProgress> {
    const model = import('./progress-model'); // the schemas, while storage is read
    let stored: unknown;
    try {
      stored = await this.#storage.get(key(packId));
    } catch (error) {
      this.notice = `Your progress cannot be saved: ${describeStorageError(error)}. Export it before you leave.`;
    }
    const { packProgressSchema } = await model;
    // A journal left by a page that closed before its last write is newer than the store.
    const journaled = parseJournal(
      this.#journalStorage.read(journalKey(packId)),
      packProgressSchema,
    );
    if (journaled && journaled.packId === packId && !this.#packs[packId]) {
      this.#packs[packId] = journaled;
      this.#schedule(packId); // written to the store, which then retires the journal
      return this.#packs[packId];
    }
    const parsed = packProgressSchema.safeParse(stored);
    // Progress saved by an older or broken build starts afresh rather than breaking the page.
    const progress =
      parsed.success && parsed.data.packId === packId ? parsed.data : emptyProgress(packId);
    this.#packs[packId] ??= progress;
    return this.#packs[packId];
  }

  saveCode(packId: string, itemKey: string, code: string, base: string): void {
    const progress = this.#ensure(packId);
    const saved = progress.code[itemKey];
    if (saved?.code === code && saved.base === base) return;
    if (code === base && !saved) return;
    progress.code[itemKey] = { code, base, savedAt: new Date().toISOString() };
    this.#schedule(packId);
  }

  forgetCode(packId: string, itemKey: string): void {
    const progress = this.#ensure(packId);
    if (!(itemKey in progress.code)) return;
    delete progress.code[itemKey];
    this.#schedule(packId);
  }

  markPassed(packId: string, exerciseKey: string): void {
    const entry = this.#exercise(packId, exerciseKey);
    if (entry.passed) return;
    entry.passed = true;
    entry.passedAt = new Date().toISOString();
    this.#schedule(packId);
  }

  setHints(packId: string, exerciseKey: string, hints: number): void {
    const entry = this.#exercise(packId, exerciseKey);
    if (entry.hints >= hints) return;
    entry.hints = hints;
    this.#schedule(packId);
  }

  /** The learner opened a lesson: the start page offers it to them next time. */
  visit(packId: string, lessonId: string): void {
    const progress = this.#ensure(packId);
    progress.lastLesson = lessonId;
    progress.lastVisitedAt = new Date().toISOString();
    if (!progress.visited.includes(lessonId)) progress.visited.push(lessonId);
    this.#schedule(packId);
  }

  exportPack(packId: string, packVersion: string): ProgressExport {
    return {
      format: 'wheelhouse-progress',
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      packVersion,
      progress: $state.snapshot(this.of(packId)),
    };
  }

  /** Replaces a pack's progress with an exported file's; returns an error sentence or null. */
  async importPack(packId: string, text: string): Promise<string | null> {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return 'This file is not a Wheelhouse progress file (it is not JSON).';
    }
    const { progressExportSchema } = await import('./progress-model');
    const parsed = progressExportSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `This file is not a Wheelhouse progress file (${issue?.path.join('.') || 'format'}: ${issue?.message}).`;
    }
    if (parsed.data.progress.packId !== packId) {
      return `This progress belongs to the pack "${parsed.data.progress.packId}", not "${packId}".`;
    }
    this.#packs[packId] = parsed.data.progress;
    this.#schedule(packId);
    await this.flush();
    return null;
  }

  async reset(packId: string): Promise<void> {
    this.#packs[packId] = emptyProgress(packId);
    this.#schedule(packId);
    await this.flush();
  }

  /** Resolves once every change so far is written (before a reload, in tests). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Writes dirty packs one at a time until none is left; a failure becomes the notice. */
  async #drain(): Promise<void> {
    while (this.#dirty.size) {
      const ids = [...this.#dirty];
      this.#dirty.clear();
      for (const id of ids) {
        const revision = this.#revision.get(id) ?? 0;
        try {
          await this.#storage.set(key(id), $state.snapshot(this.#packs[id]));
          this.#written.set(id, revision);
          if ((this.#journaled.get(id) ?? 0) <= revision) {
            this.#journalStorage.remove(journalKey(id));
            this.#journaled.delete(id);
          }
          if (this.notice?.startsWith('Your progress cannot be saved')) this.notice = null;
        } catch (error) {
          this.notice = `Your progress cannot be saved: ${describeStorageError(error)}. Export it before you leave.`;
        }
      }
    }
    this.#writing = undefined;
  }

  #ensure(packId: string): PackProgress {
    this.#packs[packId] ??= emptyProgress(packId);
    return this.#packs[packId];
  }

  #exercise(packId: string, exerciseKey: string) {
    const progress = this.#ensure(packId);
    progress.exercises[exerciseKey] ??= { passed: false, passedAt: null, hints: 0 };
    return progress.exercises[exerciseKey];
  }

  /**
   * Every change is written at once (a tab closed right after typing keeps the typing); while
   * a write is under way, further changes wait for it and go together in the next one.
   */
  #schedule(packId: string): void {
    this.#revision.set(packId, (this.#revision.get(packId) ?? 0) + 1);
    this.#dirty.add(packId);
    this.#writing ??= this.#drain();
  }
}

function key(packId: string): string {
  return `progress:${packId}`;
}

function journalKey(packId: string): string {
  return `wheelhouse-progress-journal:${packId}`;
}

function parseJournal(
  text: string | null,
  schema: typeof import('./progress-model').packProgressSchema,
): PackProgress | undefined {
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function emptyProgress(packId: string): PackProgress {
  return { packId, lastLesson: null, lastVisitedAt: null, visited: [], exercises: {}, code: {} };
}

const contextKey = Symbol('wheelhouse-progress');

export function provideProgress(store: ProgressStore): void {
  setContext(contextKey, store);
}

export function useProgress(): ProgressStore {
  const store = getContext<ProgressStore | undefined>(contextKey);
  if (!store) throw new Error('No progress store: the app provides one with provideProgress');
  return store;
}
