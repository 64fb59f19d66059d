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
