/// <reference lib="webworker" />
/** The Ruff worker: Ruff's WebAssembly build behind Comlink, so linting never blocks typing. */
import * as Comlink from 'comlink';
import initRuff from '@astral-sh/ruff-wasm-web';
import wasmUrl from '@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm?url';
import { RuffService } from './ruff-service';

Comlink.expose(new RuffService(initRuff({ module_or_path: wasmUrl })));
