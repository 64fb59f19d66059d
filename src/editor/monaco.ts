/** Loads Monaco on first use; every editor on the page shares the one download. */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | undefined;

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('./monaco-setup').then((module) => module.monaco);
  return loading;
}
