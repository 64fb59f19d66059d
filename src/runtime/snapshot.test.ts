/**
 * A memory snapshot made with our recipe restores into an interpreter that already has the
 * runner, and a session on it runs code and checks (Pyodide under Node).
 */
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePyodideDir, readPythonSources } from './node';
import type { RuntimeEvent } from './protocol';
import { PythonSession } from './session';
import { snapshotKey, snapshotRecipe } from './snapshot';

type Snapshotting = PyodideInterface & { makeMemorySnapshot(): Uint8Array };

const sources = readPythonSources();
const recipe = snapshotRecipe({ wheelhouse_runner: sources.wheelhouse_runner });

let restored: PyodideInterface;

beforeAll(async () => {
  const fresh = (await loadPyodide({
    indexURL: nodePyodideDir(),
    _makeSnapshot: true,
  })) as Snapshotting;
  fresh.runPython(recipe);
  const snapshot = fresh.makeMemorySnapshot();
  restored = await loadPyodide({ indexURL: nodePyodideDir(), _loadSnapshot: snapshot });
}, 60_000);

describe('snapshot recipe', () => {
  it('restores with the runner already imported, and nothing only exercises need', () => {
    const names = restored.runPython(
      'import sys\n[name for name in ("wheelhouse_runner", "wheelhouse_checks", "tracemalloc", "json") if name in sys.modules]',
    ) as { toJs(): string[]; destroy(): void };
    expect(names.toJs()).toEqual(['wheelhouse_runner']);
    names.destroy();
  });

  it('gives a session that runs code and checks', async () => {
    const events: RuntimeEvent[] = [];
    const session = await PythonSession.create(restored, sources, {
      onEvents: (batch) => events.push(...batch),
    });
    const result = await session.run({
      runId: 1,
      code: 'def double(x):\n    return 2 * x\nprint(double(21))',
      scope: 'test',
      filename: '<cell 1>',
      exercise: { checks: 'expect_returns(double, [((2,), 4)])', language: 'python' },
    });
    expect(result.ok).toBe(true);
    const stdout = events
      .filter((event) => event.type === 'output' && event.stream === 'stdout')
      .map((event) => (event as { text: string }).text)
      .join('');
    expect(stdout).toBe('42\n');
    expect(result.ok && result.checks?.every((check) => check.passed)).toBe(true);
  });

  it('names its key after the runtime and the recipe', async () => {
    const base = 'https://example.test/pyodide/v0.28.0/';
    const key = await snapshotKey(base, recipe);
    expect(key.startsWith(`${base}__snapshot__/pyodide-0.28.0-recipe-`)).toBe(true);
    expect(await snapshotKey(base, recipe)).toBe(key);
    expect(await snapshotKey(base, `${recipe}\n# changed`)).not.toBe(key);
  });
});
