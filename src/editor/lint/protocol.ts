/**
 * The contract between the page and the Ruff worker. Types only: the worker implements
 * `RuffApi`, the page calls it through `Comlink.wrap<RuffApi>()`.
 */
import type { Diagnostic } from '@astral-sh/ruff-wasm-web';

export type RuffDiagnostic = Diagnostic;

/** Ruff's own settings object (https://docs.astral.sh/ruff/settings), the part we set. */
export interface RuffSettings {
  'line-length': number;
  'target-version': string;
  lint: { select: string[]; ignore: string[] };
}

export type FormatResult = { ok: true; code: string } | { ok: false; message: string };

export interface RuffApi {
  /** Lints `code`; rejects when the settings name an unknown rule. */
  check(code: string, settings: RuffSettings): Promise<RuffDiagnostic[]>;
  /** Formats `code`; code that does not parse is not formatted. */
  format(code: string, settings: RuffSettings): Promise<FormatResult>;
  version(): Promise<string>;
}
