/**
 * Where progress lives: IndexedDB (idb-keyval) when the browser allows it, else memory only.
 * Every failure becomes a message for the learner, never an exception.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export interface ProgressStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export class StorageUnavailable extends Error {}

export function memoryStorage(): ProgressStorage {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(items.get(key)),
    set: async (key, value) => void items.set(key, structuredClone(value)),
    delete: async (key) => void items.delete(key),
  };
}

/** One IndexedDB database per use: idb-keyval creates a store only when it creates its database. */
export function indexedDbStorage(database: string, storeName = 'keyval'): ProgressStorage {
  let store: UseStore | undefined;
  const open = (): UseStore => {
    if (typeof indexedDB === 'undefined')
      throw new StorageUnavailable('this browser has no IndexedDB');
    store ??= createStore(database, storeName);
    return store;
  };
  return {
    get: async (key) => get(key, open()),
    set: async (key, value) => set(key, value, open()),
    delete: async (key) => del(key, open()),
  };
}

/**
 * Synchronous storage for the last moment of a page (see ProgressStore.journal): an IndexedDB
 * write started while a tab closes may never finish, a localStorage write has finished when
 * it returns. Every method fails quietly: this is a safety net, not the store.
 */
export interface JournalStorage {
  read(key: string): string | null;
  write(key: string, value: string): void;
  remove(key: string): void;
}

export function localJournal(): JournalStorage {
  const storage = (): Storage | undefined => {
    try {
      return globalThis.localStorage;
    } catch {
      return undefined; // access itself can throw (storage disabled)
    }
  };
  return {
    read(key) {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write(key, value) {
      try {
        storage()?.setItem(key, value);
      } catch {
        // full or refused: the IndexedDB write may still land
      }
    },
    remove(key) {
      try {
        storage()?.removeItem(key);
      } catch {
        // nothing to do
      }
    },
  };
}

export function memoryJournal(): JournalStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    read: (key) => items.get(key) ?? null,
    write: (key, value) => void items.set(key, value),
    remove: (key) => void items.delete(key),
  };
}

/** A sentence about why saving failed, for the notice the learner sees. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return 'the browser says its storage for this site is full';
  }
  if (
    error instanceof StorageUnavailable ||
    name === 'InvalidStateError' ||
    name === 'SecurityError'
  ) {
    return 'this browser does not allow this site to store data (private mode?)';
  }
  return `saving failed (${error instanceof Error ? error.message : String(error)})`;
}
