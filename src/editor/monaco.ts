/** Loads Monaco on first use; every editor on the page shares the one download. */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | undefined;
let mayLoad: Promise<unknown> = Promise.resolve();

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('./monaco-setup').then((module) => module.monaco);
  return loading;
}

/**
 * Editors that merely come into view wait for `until` before loading Monaco (one a learner
 * touches loads at once). The app passes the moment Python has started and no run waits: on a
 * cold visit Monaco's 3 MB would otherwise compete with the runtime for the network and the
 * CPU, and with a run pressed early for the main thread, delaying the first output.
 */
export function holdEditorsUntil(until: Promise<unknown>): void {
  mayLoad = until.catch(() => {});
}

/** Settles when an editor that came into view may load Monaco. */
export function editorsMayLoad(): Promise<unknown> {
  return mayLoad;
}
