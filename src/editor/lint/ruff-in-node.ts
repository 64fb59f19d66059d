/** Ruff under Node for the unit tests: the worker's service, with the wasm read from disk. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync } from '@astral-sh/ruff-wasm-web';
import { RuffService } from './ruff-service';

export function ruffInNode(): RuffService {
  const wasm = createRequire(import.meta.url).resolve('@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm');
  initSync({ module: readFileSync(wasm) });
  return new RuffService(Promise.resolve());
}
