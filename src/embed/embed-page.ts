/**
 * The heavy half of the embed, loaded when the first cell on a page becomes visible or is run:
 * Svelte, the cell UI and the page's Python runtimes. Cells share one interpreter unless they
 * ask for their own; each interpreter runs the page's setup code before its first cell.
 */
import { mount, unmount } from 'svelte';
import { RuntimeClient } from '../runtime';
import { siteRuntimeFiles } from '../runtime/page/prestart';
import { PYODIDE_PATH } from '../runtime/shared/pyodide-version';
import './embed.css';
import EmbedCell from './EmbedCell.svelte';
import { EmbedCellController } from './embed-cell.svelte';
import type { EmitCellEvent, RunEndDetail } from './events';
import { startModuleWorker } from './module-worker';
import type { CellOptions } from './options';
import { RuntimePrep } from './runtime-prep';
import pythonWorkerUrl from '../runtime/worker/worker.ts?worker&url';

export interface EmbedPageConfig {
  /** The folder that holds the embed bundle's folder and Pyodide's (`pyodide/v<version>/`). */
  siteURL: string;
  /** The page's setup code, one entry per setup script, in page order. */
  setup: () => string[];
}

export interface CellSource {
  code: string;
  checks: string | null;
}

export interface MountedCell {
  run(): Promise<RunEndDetail | undefined>;
  stop(): void;
  readonly code: string;
  destroy(): void;
}

export class EmbedPage {
  #config: EmbedPageConfig;
  #shared: RuntimePrep | undefined;
  #setup: string[] | undefined;

  constructor(config: EmbedPageConfig) {
    this.#config = config;
  }

  mountCell(
    target: HTMLElement,
    source: CellSource,
    options: CellOptions,
    emit: EmitCellEvent,
    position: number,
  ): MountedCell {
    const prep = options.runtime === 'own' ? this.#createRuntime() : this.#sharedRuntime();
    const cell = new EmbedCellController(prep, {
      code: source.code,
      checks: source.checks,
      packages: options.packages,
      position,
      emit,
    });
    // Python starts now, and what this cell needs is installed ahead of its first Run.
    void prep.runtime.start().catch(() => {}); // the status line says why it failed
    void prep.ensure(options.packages);
    target.replaceChildren();
    const component = mount(EmbedCell, { target, props: { cell, options } });
    if (options.autorun) void cell.run();
    return {
      run: () => cell.runAndReport(),
      stop: () => cell.stop(),
      get code() {
        return cell.code;
      },
      destroy: () => void unmount(component),
    };
  }

  #sharedRuntime(): RuntimePrep {
    this.#shared ??= this.#createRuntime();
    return this.#shared;
  }

  #createRuntime(): RuntimePrep {
    this.#setup ??= this.#config.setup();
    const runtime = new RuntimeClient({
      createWorker: () => startModuleWorker(pythonWorkerUrl, { type: 'module', name: 'python' }),
      indexURL: new URL(PYODIDE_PATH, this.#config.siteURL).href,
      expectedSizes: siteRuntimeFiles().expectedSizes,
      // No snapshots: a host page's storage is not ours to fill with a 5 MB interpreter.
    });
    return new RuntimePrep(runtime, this.#setup);
  }
}
