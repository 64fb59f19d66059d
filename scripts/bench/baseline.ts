/**
 * Bare pages, each starting a module worker that loads Pyodide from the same server and prints:
 * no framework, no editor, nothing else. One loads Pyodide's standard library and lock file as
 * the npm package ships them (the performance targets' baseline, report.ts); one loads the
 * site's own (its standard library has bytecode), so that the app is also measured against
 * the same files; and one is the floor for a warm start: on a first visit it keeps a raw memory
 * snapshot of a bare interpreter in Cache Storage, and a repeat visit restores it and prints
 * (no compression, no runner).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pyodideDir } from '../vite/pyodide-assets.ts';
import {
  PYODIDE_NAMES,
  PYODIDE_PATH,
  type ServedNames,
} from '../../src/runtime/shared/pyodide-version.ts';
import { servedNamesIn } from '../vite/content-names.ts';

export const BASELINE_PAGE = '__bench__/baseline.html';
export const STOCK_BASELINE_PAGE = '__bench__/baseline-stock.html';
export const WARM_BASELINE_PAGE = '__bench__/baseline-warm.html';
/** What the warm floor's first visit prints once its snapshot is kept. */
export const WARM_BASELINE_KEPT = 'kept';
/** Pyodide's own standard library and lock file, copied beside the bare pages. */
const AS_SHIPPED: ServedNames = {
  stdlib: 'python_stdlib-as-shipped.zip',
  lockFile: 'pyodide-lock-as-shipped.json',
};

function page(script: string): string {
  return `<!doctype html>
<meta charset="utf-8">
<title>Pyodide baseline</title>
<pre id="out"></pre>
<script type="module" src="./${script}"></script>
`;
}

// Files, not inline scripts: the built site's Content-Security-Policy allows only our own
// script files, and the floor must live under the same rules as the app.
function script(worker: string): string {
  return `const worker = new Worker(new URL('./${worker}', import.meta.url), { type: 'module' });
worker.onmessage = (event) => { document.getElementById('out').textContent += event.data + '\\n'; };
`;
}

/** loadPyodide's options for the runtime in `files`: the site's own, or Pyodide's as shipped. */
function location(files: ServedNames, folder = `/${PYODIDE_PATH}`): string {
  return `indexURL: '/${PYODIDE_PATH}', stdLibURL: '${folder}${files.stdlib}', lockFileURL: '${folder}${files.lockFile}'`;
}

function worker(where: string): string {
  return `import { loadPyodide } from '/${PYODIDE_PATH}pyodide.mjs';
const pyodide = await loadPyodide({ ${where} });
pyodide.setStdout({ batched: (line) => postMessage(line) });
pyodide.runPython('print("hi")');
`;
}

function warmWorker(where: string): string {
  return `import { loadPyodide } from '/${PYODIDE_PATH}pyodide.mjs';
const cache = await caches.open('bench-bare-snapshot');
const stored = await cache.match('snapshot');
if (stored) {
  const pyodide = await loadPyodide({ ${where}, _loadSnapshot: stored.arrayBuffer() });
  pyodide.setStdout({ batched: (line) => postMessage(line) });
  pyodide.runPython('print("hi")');
} else {
  const pyodide = await loadPyodide({ ${where}, _makeSnapshot: true });
  await cache.put('snapshot', new Response(pyodide.makeMemorySnapshot()));
  postMessage('${WARM_BASELINE_KEPT}');
}
`;
}

/** Writes the baseline pages into a built site (only for the benchmark's own build). */
export async function writeBaseline(outDir: string): Promise<void> {
  const dir = path.join(outDir, '__bench__');
  await mkdir(dir, { recursive: true });
  const site = location(servedNamesIn(path.join(outDir, PYODIDE_PATH)));
  const stock = location(AS_SHIPPED, '/__bench__/');
  const files = {
    'baseline.html': page('baseline.mjs'),
    'baseline.mjs': script('baseline-worker.mjs'),
    'baseline-worker.mjs': worker(site),
    'baseline-stock.html': page('baseline-stock.mjs'),
    'baseline-stock.mjs': script('baseline-stock-worker.mjs'),
    'baseline-stock-worker.mjs': worker(stock),
    'baseline-warm.html': page('baseline-warm.mjs'),
    'baseline-warm.mjs': script('baseline-warm-worker.mjs'),
    'baseline-warm-worker.mjs': warmWorker(site),
  };
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), content);
  }
  for (const role of ['stdlib', 'lockFile'] as const) {
    await copyFile(path.join(pyodideDir(), PYODIDE_NAMES[role]), path.join(dir, AS_SHIPPED[role]));
  }
}
