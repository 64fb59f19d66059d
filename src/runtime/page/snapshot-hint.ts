/**
 * Where a page remembers the memory snapshot it keeps for faster later starts. Read
 * synchronously before the worker starts, the note lets a start that has no snapshot skip
 * looking in Cache Storage, which is slow to open in a fresh browser profile while Python's
 * start waits for the answer (docs/start-up.md). A note without its snapshot (evicted, or a
 * new deployment) only costs the look.
 */
export interface SnapshotNote {
  /** The key of the snapshot kept last time, if any. */
  remembered(): string | undefined;
  remember(key: string): void;
}

const NOTE = 'wheelhouse:snapshot';

/** The site's note, in its localStorage (an embedded cell keeps none on its host's page). */
export const localSnapshotNote: SnapshotNote = {
  remembered() {
    try {
      return localStorage.getItem(NOTE) ?? undefined;
    } catch {
      return undefined; // storage blocked: no note, so no look, and no snapshot is used
    }
  },
  remember(key) {
    try {
      localStorage.setItem(NOTE, key);
    } catch {
      // As above.
    }
  },
};
