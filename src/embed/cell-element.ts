/**
 * The `<wheelhouse-cell>` element. This is what a page pays for up front: it reads the cell's
 * attributes and code, shows the code as plain text, and loads the rest (Svelte, the editor,
 * Python) only when a cell comes near the viewport or is run from script.
 */
import type { EmbedPage, MountedCell } from './embed-page';
import { cellEventEmitter, type RunEndDetail } from './events';
import { attributeReader, parseCellOptions, unknownAttributes, type CellOptions } from './options';
import { readCellSource, whenParsed } from './page-source';

export const CELL_TAG = 'wheelhouse-cell';

/** Cells this close to the viewport count as visible, so they are ready when scrolled to. */
const VISIBLE_MARGIN = '200px';

const PLACEHOLDER_STYLE = `${CELL_TAG}{display:block}
.wheelhouse-placeholder{margin:0;padding:.75rem;border:1px solid rgba(128,128,128,.35);border-radius:8px;font:14px/20px ui-monospace,Menlo,Consolas,monospace;white-space:pre;overflow:auto}`;

interface PreparedCell {
  options: CellOptions;
  code: string;
  checks: string | null;
  /** 1-based, in page order. */
  position: number;
}

/** Reads the element's attributes and code once, then shows the code until the cell loads. */
function prepareCell(element: HTMLElement): PreparedCell {
  const position = [...document.querySelectorAll(CELL_TAG)].indexOf(element) + 1;
  const { options, warnings } = parseCellOptions(attributeReader(element), position);
  const source = readCellSource(element, options.checkId);
  const unknown = unknownAttributes(element.getAttributeNames()).map(
    (name) => `unknown attribute "${name}"`,
  );
  for (const warning of [...warnings, ...source.warnings, ...unknown]) {
    console.warn(`<${CELL_TAG}> ${options.label}: ${warning}`);
  }
  const placeholder = document.createElement('pre');
  placeholder.className = 'wheelhouse-placeholder';
  placeholder.textContent = source.code;
  element.replaceChildren(placeholder);
  return { options, code: source.code, checks: source.checks, position };
}

export function defineWheelhouseCell(loadPage: () => Promise<EmbedPage>): void {
  if (customElements.get(CELL_TAG)) return; // the script was included twice
  let page: Promise<EmbedPage> | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        (entry.target as WheelhouseCell).activate().catch(() => {}); // shown in the cell
      }
    },
    { rootMargin: VISIBLE_MARGIN },
  );
  const style = document.createElement('style');
  style.textContent = PLACEHOLDER_STYLE;
  document.head.append(style);

  class WheelhouseCell extends HTMLElement {
    #prepared: PreparedCell | undefined;
    #mounted: Promise<MountedCell> | undefined;
    #cell: MountedCell | undefined;

    connectedCallback(): void {
      if (this.#mounted) return; // moved within the page: it keeps running
      whenParsed(document, () => {
        if (!this.isConnected || this.#mounted) return;
        this.#prepared ??= prepareCell(this);
        observer.observe(this);
      });
    }

    disconnectedCallback(): void {
      observer.unobserve(this);
      // Moving an element disconnects and reconnects it: only a cell that stays out goes.
      queueMicrotask(() => {
        if (this.isConnected || !this.#mounted) return;
        const mounted = this.#mounted;
        this.#mounted = undefined;
        this.#cell = undefined;
        void mounted.then((cell) => cell.destroy());
      });
    }

    /** Loads the embed (once per page) and turns this element into a live cell. */
    activate(): Promise<MountedCell> {
      this.#prepared ??= prepareCell(this);
      this.#mounted ??= this.#mount(this.#prepared);
      return this.#mounted;
    }

    /** Runs the cell (loading everything first if needed); resolves as the run ends. */
    async run(): Promise<RunEndDetail | undefined> {
      return (await this.activate()).run();
    }

    stop(): void {
      this.#cell?.stop();
    }

    /** The cell's code, as the learner has edited it. */
    get code(): string {
      return this.#cell?.code ?? this.#prepared?.code ?? '';
    }

    async #mount({ options, code, checks, position }: PreparedCell): Promise<MountedCell> {
      page ??= loadPage();
      let loaded: EmbedPage;
      try {
        loaded = await page;
      } catch (error) {
        // The network failed: say so in place of the cell, and let a later attempt try again.
        page = undefined;
        this.#mounted = undefined;
        const alert = Object.assign(document.createElement('p'), {
          role: 'alert',
          textContent: `This Python cell could not load (${error instanceof Error ? error.message : error}).`,
        });
        this.querySelector('[role="alert"]')?.remove();
        this.append(alert);
        throw error;
      }
      const source = { code, checks };
      this.#cell = loaded.mountCell(this, source, options, cellEventEmitter(this), position);
      return this.#cell;
    }
  }

  customElements.define(CELL_TAG, WheelhouseCell);
}
