/**
 * Wheelhouse's embeddable cells. One script tag on any static page:
 *
 *   <script type="module" src="https://example.org/wheelhouse/embed/wheelhouse-embed.js"></script>
 *   <wheelhouse-cell>print("Hello")</wheelhouse-cell>
 *
 * This entry stays tiny: the cell UI, Monaco and Pyodide load when a cell first comes into view
 * (or is run from script). Pyodide's files are found next to the embed folder (`../pyodide/`).
 * docs/embedding.md is the author's guide.
 */
import { defineWheelhouseCell } from './cell-element';
import { readSetupCode, upgradePreBlocks, whenParsed } from './page-source';

// The folder holding embed/ and pyodide/: this file is <dist>/embed/wheelhouse-embed.js in a build;
// the dev server serves it from src/embed/ and Pyodide at its root.
const siteURL = new URL(import.meta.env.DEV ? '/' : '../', import.meta.url).href;

// <pre> blocks become cells first, so that every cell is numbered in page order.
whenParsed(document, () => {
  upgradePreBlocks(document);
  defineWheelhouseCell(() =>
    import('./embed-page').then(
      ({ EmbedPage }) => new EmbedPage({ siteURL, setup: () => readSetupCode(document) }),
    ),
  );
});

/** Call after adding `<pre data-wheelhouse>` blocks to the page yourself. */
export { upgradePreBlocks as upgrade };
export type {
  CellEventDetails,
  CheckDetail,
  OutputDetail,
  RunEndDetail,
  RunStartDetail,
} from './events';
