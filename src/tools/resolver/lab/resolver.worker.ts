/// <reference lib="webworker" />
/** The resolver lab's worker: PubGrub and the naive search run here, so the page never freezes. */
import * as Comlink from 'comlink';
import type { ResolverWorkerApi } from './protocol';
import { resolveText, runNaiveText } from './run-lab';

const api: ResolverWorkerApi = { resolve: resolveText, runNaive: runNaiveText };
Comlink.expose(api);
