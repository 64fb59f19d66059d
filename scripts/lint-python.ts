/**
 * The Python half of `npm run check`: Ruff over every `src/**\/*.py`, lint and format check.
 * It is the editor's Ruff (its WebAssembly build, already a dependency), so a fresh machine
 * needs nothing beyond `npm ci`. Prints `file:line:col code message` for each finding and
 * exits 1 if there is any.
 *
 *   tsx scripts/lint-python.ts [--write]     --write formats the files in place first
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ruffInNode } from '../src/editor/lint/ruff-in-node.ts';
import { LINE_LENGTH, TARGET_VERSION } from '../src/editor/lint/rules.ts';

/**
 * Ruff's settings (https://docs.astral.sh/ruff/settings): pycodestyle (E, W), pyflakes (F),
 * isort (I), bugbear (B) and pyupgrade (UP), for the Python Pyodide runs, with the editor's
 * line length. Our modules import each other by their `wheelhouse_` names.
 */
const SETTINGS = {
  'line-length': LINE_LENGTH,
  'target-version': TARGET_VERSION,
  lint: {
    select: ['B', 'E', 'F', 'I', 'UP', 'W'],
    ignore: [],
    isort: { 'known-first-party': ['wheelhouse_*', '_wheelhouse_tools_js'] },
  },
};

/** Files left out, each with the reason (none today). */
const LEFT_OUT: Record<string, string> = {};

function pythonFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.py'))
    .map((file) => path.posix.join(root, file.split(path.sep).join('/')))
    .filter((file) => !(file in LEFT_OUT))
    .sort();
}

/** The first line where `formatted` differs from `code` (1-based). */
function firstChangedLine(code: string, formatted: string): number {
  const before = code.split('\n');
  const after = formatted.split('\n');
  const index = before.findIndex((line, i) => line !== after[i]);
  return (index === -1 ? before.length : index) + 1;
}

async function main(): Promise<number> {
  const write = process.argv.includes('--write');
  const ruff = ruffInNode();
  const files = pythonFiles('src');
  const findings: string[] = [];
  for (const file of files) {
    let code = readFileSync(file, 'utf8');
    const formatted = await ruff.format(code, SETTINGS);
    if (formatted.ok && formatted.code !== code) {
      if (write) {
        writeFileSync(file, formatted.code);
        code = formatted.code;
      } else {
        const line = firstChangedLine(code, formatted.code);
        findings.push(`${file}:${line}:1 format Ruff would reformat this file (--write does)`);
      }
    }
    for (const diagnostic of await ruff.check(code, SETTINGS)) {
      const { row, column } = diagnostic.start_location;
      findings.push(
        `${file}:${row}:${column} ${diagnostic.code ?? 'syntax'} ${diagnostic.message}`,
      );
    }
  }
  for (const finding of findings) console.log(finding);
  const leftOut = Object.keys(LEFT_OUT).length;
  const summary = `Ruff: ${files.length} Python files, ${findings.length} findings (${leftOut} left out)`;
  if (findings.length) {
    console.error(summary);
    return 1;
  }
  console.log(summary);
  return 0;
}

process.exitCode = await main();
