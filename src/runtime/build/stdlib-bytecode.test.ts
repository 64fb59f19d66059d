/**
 * The standard library zip the site serves: Pyodide's own plus bytecode for what a start
 * imports. Checked by building it and starting the real interpreter on it (under Node).
 */
import { readFileSync } from 'node:fs';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePyodideDir } from '../node/node-session';
import { readPythonSources } from './python-sources';
import { bytecodeStdlib } from './stdlib-bytecode';

let zip: string;
let pyodide: PyodideInterface;

function python<T>(code: string): T {
  const value = pyodide.runPython(code) as { toJs(): T; destroy(): void } | T;
  if (value && typeof value === 'object' && 'toJs' in value) {
    const converted = value.toJs();
    value.destroy();
    return converted;
  }
  return value as T;
}

beforeAll(async () => {
  zip = await bytecodeStdlib({
    coreDir: nodePyodideDir(),
    modules: { ...readPythonSources() },
  });
  pyodide = await loadPyodide({ indexURL: nodePyodideDir(), stdLibURL: zip });
}, 120_000);

describe('the standard library with bytecode', () => {
  it('starts Python from bytecode for what a start imports, and keeps every source', () => {
    const names = python<string[]>(`
import zipfile
names = set(zipfile.ZipFile(${JSON.stringify('/lib/python313.zip')}).namelist())
sorted(names)`);
    for (const module of [
      'encodings/__init__',
      'asyncio/__init__',
      're/__init__',
      'json/__init__',
    ]) {
      expect(names).toContain(`${module}.py`);
      expect(names).toContain(`${module}.pyc`);
    }
    // What no start imports stays source only.
    expect(names).toContain('difflib.py');
    expect(names).not.toContain('difflib.pyc');
    expect(python<string>('import asyncio\nasyncio.__file__')).toBe(
      '/lib/python313.zip/asyncio/__init__.pyc',
    );
  });

  it('shows the source lines of standard library frames in tracebacks', () => {
    const traceback = python<string>(`
import json, traceback
try:
    json.loads("{")
except ValueError as error:
    text = "".join(traceback.format_exception(error))
text`);
    expect(traceback).toContain('File "/lib/python313.zip/json/decoder.py"');
    expect(traceback).toContain('obj, end = self.scan_once(s, idx)');
  });

  it("holds Wheelhouse's own modules as bytecode, made from the sources given", () => {
    expect(python<string>('import wheelhouse_runner\nwheelhouse_runner.__file__')).toBe(
      '/lib/python313.zip/wheelhouse_runner.pyc',
    );
    const runner = readPythonSources().wheelhouse_runner;
    expect(
      python<string>('import inspect, wheelhouse_runner\ninspect.getsource(wheelhouse_runner)'),
    ).toBe(runner);
  });

  it('is the same file for the same inputs, and a new one when they change', async () => {
    const again = await bytecodeStdlib({
      coreDir: nodePyodideDir(),
      modules: { ...readPythonSources() },
    });
    expect(again).toBe(zip);
    const stdlibOnly = await bytecodeStdlib({ coreDir: nodePyodideDir() });
    expect(stdlibOnly).not.toBe(zip);
    expect(readFileSync(stdlibOnly).length).toBeLessThan(readFileSync(zip).length);
  }, 120_000);
});
