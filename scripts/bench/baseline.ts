/**
 * The physical floor for this runtime: a bare page that starts a module worker, loads the same
 * Pyodide files from the same server, and prints. No framework, no editor, nothing else.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PYODIDE_PATH } from '../../src/runtime/pyodide-version.ts';

export const BASELINE_PAGE = '__bench__/baseline.html';

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>Pyodide baseline</title>
<pre id="out"></pre>
<script type="module" src="./baseline.mjs"></script>
`;

// A file, not an inline script: the built site's Content-Security-Policy allows only our own
// script files, and the floor must live under the same rules as the app.
const SCRIPT = `const worker = new Worker(new URL('./baseline-worker.mjs', import.meta.url), { type: 'module' });
worker.onmessage = (event) => { document.getElementById('out').textContent += event.data + '\\n'; };
`;

const WORKER = `import { loadPyodide } from '/${PYODIDE_PATH}pyodide.mjs';
const pyodide = await loadPyodide({ indexURL: '/${PYODIDE_PATH}' });
pyodide.setStdout({ batched: (line) => postMessage(line) });
pyodide.runPython('print("hi")');
`;

/** Writes the baseline page into a built site (only for the benchmark's own build). */
export async function writeBaseline(outDir: string): Promise<void> {
  const dir = path.join(outDir, '__bench__');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'baseline.html'), PAGE);
  await writeFile(path.join(dir, 'baseline.mjs'), SCRIPT);
  await writeFile(path.join(dir, 'baseline-worker.mjs'), WORKER);
}
