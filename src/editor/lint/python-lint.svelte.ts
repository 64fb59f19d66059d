/**
 * Lints one editor's Python with Ruff as the learner types: debounced, off the main thread,
 * and the latest request wins (an answer to an older request is dropped).
 */
import type { EditorMarker } from '../markers';
import type { RuffDiagnostic, RuffSettings } from './protocol';
import type { RuffRemote } from './ruff';
import { lintText, ruffMarkers, type LintSource } from './ruff-markers';
import { ruffSettings, type LintRules } from './rules';

export interface LintRequest extends LintSource {
  /** The model version the code is, so markers are shown only for the text they describe. */
  version: number;
  rules: LintRules;
}

export const LINT_DELAY_MS = 250;

export class PythonLinter {
  /** Ruff's markers for the text at `version`. */
  markers = $state.raw<EditorMarker[]>([]);
  version = $state(-1);
  #ruff: () => RuffRemote;
  #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #latest = 0;
  #disposed = false;
  /** Settings Ruff refused (an unknown rule code): said once, then the defaults apply. */
  #refused = new Set<string>();

  constructor(ruff: () => RuffRemote, delayMs = LINT_DELAY_MS) {
    this.#ruff = ruff;
    this.#delayMs = delayMs;
  }

  /** Lints after a pause in typing; a newer request replaces a waiting or running one. */
  request(request: LintRequest): void {
    const id = ++this.#latest;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#lint(id, request), this.#delayMs);
  }

  /** Drops the markers and any answer still on its way. */
  clear(): void {
    this.#latest++;
    clearTimeout(this.#timer);
    this.markers = [];
  }

  dispose(): void {
    this.clear();
    this.#disposed = true;
  }

  async #lint(id: number, request: LintRequest): Promise<void> {
    const withNeighbours = Boolean(request.neighbours?.before || request.neighbours?.after);
    const chosen = ruffSettings(request.rules, withNeighbours);
    const settings = this.#refused.has(JSON.stringify(chosen))
      ? ruffSettings({}, withNeighbours)
      : chosen;
    const diagnostics = await this.#check(lintText(request).text, settings, withNeighbours);
    if (!diagnostics || id !== this.#latest || this.#disposed) return;
    this.markers = ruffMarkers(diagnostics, request);
    this.version = request.version;
  }

  async #check(
    text: string,
    settings: RuffSettings,
    withNeighbours: boolean,
  ): Promise<RuffDiagnostic[] | undefined> {
    try {
      return await this.#ruff().check(text, settings);
    } catch (error) {
      const defaults = ruffSettings({}, withNeighbours);
      if (JSON.stringify(settings) === JSON.stringify(defaults)) {
        console.warn(`Ruff could not lint: ${error}`);
        return undefined;
      }
      console.warn(`Ruff refused these lint rules, so the defaults apply: ${error}`);
      this.#refused.add(JSON.stringify(settings));
      return this.#check(text, defaults, withNeighbours);
    }
  }
}
