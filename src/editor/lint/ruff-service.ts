/** What the Ruff worker serves: `RuffApi` over Ruff's WebAssembly build, once it is loaded. */
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-web';
import type { FormatResult, RuffApi, RuffDiagnostic, RuffSettings } from './protocol';

export class RuffService implements RuffApi {
  #ready: Promise<unknown>;
  /** One workspace per settings (a page uses one or two); building one parses the rule set. */
  #workspaces = new Map<string, Workspace>();

  /** `ready` settles when the WebAssembly module is initialised. */
  constructor(ready: Promise<unknown>) {
    this.#ready = ready;
  }

  async check(code: string, settings: RuffSettings): Promise<RuffDiagnostic[]> {
    return (await this.#workspace(settings)).check(code) as RuffDiagnostic[];
  }

  async format(code: string, settings: RuffSettings): Promise<FormatResult> {
    const workspace = await this.#workspace(settings);
    try {
      return { ok: true, code: workspace.format(code) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  async version(): Promise<string> {
    await this.#ready;
    return Workspace.version();
  }

  async #workspace(settings: RuffSettings): Promise<Workspace> {
    await this.#ready;
    const key = JSON.stringify(settings);
    let workspace = this.#workspaces.get(key);
    if (!workspace) {
      // UTF-16 columns are Monaco's columns.
      workspace = new Workspace(settings, PositionEncoding.Utf16);
      this.#workspaces.set(key, workspace);
    }
    return workspace;
  }
}
