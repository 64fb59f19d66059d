import { describe, expect, it } from 'vitest';
import {
  memoryJournal,
  memoryStorage,
  StorageUnavailable,
  type ProgressStorage,
} from './progress-storage';
import { ProgressStore } from './progress.svelte';

describe('ProgressStore', () => {
  it('keeps code, passed exercises, hints and the last lesson across a reload', async () => {
    const storage = memoryStorage();
    const first = new ProgressStore(storage, memoryJournal());
    await first.load('welcome');
    first.saveCode('welcome', 'intro/cell-1', 'print(2)', 'print(1)');
    first.markPassed('welcome', 'intro/greet');
    first.setHints('welcome', 'intro/greet', 2);
    first.visit('welcome', 'intro');
    expect(first.of('welcome').code['intro/cell-1']?.code).toBe('print(2)');
    await first.flush();

    const second = new ProgressStore(storage, memoryJournal());
    const progress = await second.load('welcome');
    expect(progress.code['intro/cell-1']).toMatchObject({ code: 'print(2)', base: 'print(1)' });
    expect(progress.exercises['intro/greet']).toMatchObject({ passed: true, hints: 2 });
    expect(progress).toMatchObject({ lastLesson: 'intro', visited: ['intro'] });
  });

  it('never lowers the hint count and does not store untouched starters', async () => {
    const store = new ProgressStore(memoryStorage(), memoryJournal());
    store.setHints('p', 'l/e', 2);
    store.setHints('p', 'l/e', 1);
    store.saveCode('p', 'l/c', 'same', 'same');
    expect(store.of('p').exercises['l/e']?.hints).toBe(2);
    expect(store.of('p').code).toEqual({});
  });

  it('exports and imports a pack, refusing files for other packs or in other formats', async () => {
    const store = new ProgressStore(memoryStorage(), memoryJournal());
    store.markPassed('p', 'l/e');
    const exported = JSON.stringify(store.exportPack('p', '1.0.0'));
    await store.reset('p');
    expect(store.of('p').exercises).toEqual({});
    expect(await store.importPack('p', exported)).toBeNull();
    expect(store.of('p').exercises['l/e']?.passed).toBe(true);
    expect(await store.importPack('other', exported)).toBe(
      'This progress belongs to the pack "p", not "other".',
    );
    expect(await store.importPack('p', 'not json')).toMatch(/not JSON/);
    expect(await store.importPack('p', '{"format":"x"}')).toMatch(
      /^This file is not a Wheelhouse progress file \(format/,
    );
  });

  it('turns storage failures into a notice, keeping progress in memory', async () => {
    const broken: ProgressStorage = {
      get: async () => {
        throw new StorageUnavailable('no IndexedDB');
      },
      set: async () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      delete: async () => {},
    };
    const store = new ProgressStore(broken, memoryJournal());
    await store.load('p');
    expect(store.notice).toMatch(/private mode/);
    store.saveCode('p', 'l/c', 'x = 2', 'x = 1');
    await store.flush();
    expect(store.notice).toMatch(/storage for this site is full/);
    expect(store.of('p').code['l/c']?.code).toBe('x = 2');
  });

  it('keeps when the last lesson was opened, and reads progress kept before it did', async () => {
    const storage = memoryStorage();
    const kept = { packId: 'p', lastLesson: 'a', visited: ['a'], exercises: {}, code: {} };
    await storage.set('progress:p', kept);
    const store = new ProgressStore(storage, memoryJournal());
    expect(await store.load('p')).toEqual(kept);
    store.visit('p', 'b');
    store.visit('p', 'a');
    const { lastLesson, lastVisitedAt, visited } = store.of('p');
    expect({ lastLesson, visited }).toEqual({ lastLesson: 'a', visited: ['a', 'b'] });
    expect(Date.now() - Date.parse(lastVisitedAt!)).toBeLessThan(60_000);
  });

  it('starts afresh when the stored data is unreadable', async () => {
    const storage = memoryStorage();
    await storage.set('progress:p', { garbage: true });
    expect((await new ProgressStore(storage, memoryJournal()).load('p')).exercises).toEqual({});
  });

  it('keeps typing a closing page could not write, and the next load prefers it', async () => {
    const storage = memoryStorage();
    const journal = memoryJournal();
    // A store whose writes never finish, as when the tab closes during one.
    const stalled: ProgressStorage = { ...storage, set: () => new Promise(() => {}) };
    const closing = new ProgressStore(stalled, journal);
    await closing.load('p');
    closing.saveCode('p', 'l/c', 'print("first")', 'pass');
    closing.saveCode('p', 'l/c', 'print("typed last")', 'pass');
    closing.journal();

    const next = new ProgressStore(storage, journal);
    expect((await next.load('p')).code['l/c']?.code).toBe('print("typed last")');
    await next.flush();
    // Written to the store now, so the journal has done its work.
    expect(journal.items.size).toBe(0);
    expect(
      ((await storage.get('progress:p')) as { code: Record<string, { code: string }> }).code['l/c']
        ?.code,
    ).toBe('print("typed last")');
  });

  it('retires a journal once a later write lands, so it never overrides newer work', async () => {
    const storage = memoryStorage();
    const journal = memoryJournal();
    const store = new ProgressStore(storage, journal);
    await store.load('p');
    store.saveCode('p', 'l/c', 'old', 'pass');
    store.journal(); // hidden while the write was under way
    expect(journal.items.size).toBe(1);
    store.saveCode('p', 'l/c', 'newer', 'pass'); // the learner came back and typed
    await store.flush();
    expect(journal.items.size).toBe(0);
    expect((await new ProgressStore(storage, journal).load('p')).code['l/c']?.code).toBe('newer');
  });

  it('journals nothing when everything is written', async () => {
    const journal = memoryJournal();
    const store = new ProgressStore(memoryStorage(), journal);
    store.saveCode('p', 'l/c', 'x = 1', 'pass');
    await store.flush();
    store.journal();
    expect(journal.items.size).toBe(0);
  });
});
