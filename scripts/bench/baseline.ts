/**
 * The physical floor for this runtime: a bare page that starts a module worker, loads the same
 * Pyodide files from the same server, and prints. No framework, no editor, nothing else.
 * A second one loads Pyodide's standard library as the npm package ships it (source only,
 * where the site serves it with bytecode), to show what that alone is worth. A third is the
 * floor for a warm start: on a first visit it keeps a raw memory snapshot of a bare interpreter
 * in Cache Storage, and a repeat visit restores it and prints (no compression, no runner).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pyodideDir } from '../vite/pyodide-assets.ts';
import { PYODIDE_PATH } from '../../src/runtime/pyodide-version.ts';

export const BASELINE_PAGE = '__bench__/baseline.html';
export const STOCK_BASELINE_PAGE = '__bench__/baseline-stock.html';
export const WARM_BASELINE_PAGE = '__bench__/baseline-warm.html';
/** What the warm floor's first visit prints once its snapshot is kept. */
export const WARM_BASELINE_KEPT = 'kept';
const STOCK_STDLIB = 'python_stdlib-as-shipped.zip';

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

function worker(options: string): string {
  return `import { loadPyodide } from '/${PYODIDE_PATH}pyodide.mjs';
const pyodide = await loadPyodide({ indexURL: '/${PYODIDE_PATH}'${options} });
pyodide.setStdout({ batched: (line) => postMessage(line) });
pyodide.runPython('print("hi")');
`;
}

function warmWorker(): string {
  return `import { loadPyodide } from '/${PYODIDE_PATH}pyodide.mjs';
const indexURL = '/${PYODIDE_PATH}';
const cache = await caches.open('bench-bare-snapshot');
const stored = await cache.match('snapshot');
if (stored) {
  const pyodide = await loadPyodide({ indexURL, _loadSnapshot: stored.arrayBuffer() });
  pyodide.setStdout({ batched: (line) => postMessage(line) });
  pyodide.runPython('print("hi")');
} else {
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
  await cache.put('snapshot', new Response(pyodide.makeMemorySnapshot()));
  postMessage('${WARM_BASELINE_KEPT}');
}
`;
}

/** Writes the baseline pages into a built site (only for the benchmark's own build). */
export async function writeBaseline(outDir: string): Promise<void> {
  const dir = path.join(outDir, '__bench__');
  await mkdir(dir, { recursive: true });
  const files = {
    'baseline.html': page('baseline.mjs'),
    'baseline.mjs': script('baseline-worker.mjs'),
    'baseline-worker.mjs': worker(''),
    'baseline-stock.html': page('baseline-stock.mjs'),
    'baseline-stock.mjs': script('baseline-stock-worker.mjs'),
    'baseline-stock-worker.mjs': worker(`, stdLibURL: '/__bench__/${STOCK_STDLIB}'`),
    'baseline-warm.html': page('baseline-warm.mjs'),
    'baseline-warm.mjs': script('baseline-warm-worker.mjs'),
    'baseline-warm-worker.mjs': warmWorker(),
  };
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), content);
  }
  await copyFile(path.join(pyodideDir(), 'python_stdlib.zip'), path.join(dir, STOCK_STDLIB));
}
