/** Starts the Ruff worker on first use; every editor on the page shares it. */
import * as Comlink from 'comlink';
import type { RuffApi } from './protocol';

export type RuffRemote = Pick<RuffApi, 'check' | 'format'>;

let remote: Comlink.Remote<RuffApi> | undefined;

export function loadRuff(): RuffRemote {
  remote ??= Comlink.wrap<RuffApi>(
    new Worker(new URL('./ruff-worker.ts', import.meta.url), { type: 'module', name: 'ruff' }),
  );
  return remote;
}
