/**
 * A memory snapshot made with our recipe restores into an interpreter that already has the
 * runner, and a session on it runs code and checks (Pyodide under Node).
 */
import type { PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePyodideDir, nodeStdlib, readPythonSources } from '../node/node-session';
import type { RuntimeEvent } from '../protocol';
import { PythonSession } from '../session/session';
import { makeSnapshot, restoreSnapshot, snapshotKey, snapshotRecipe } from './snapshot';
import { packSnapshot, unpackSnapshot } from './snapshot-store';

const sources = readPythonSources();
const recipe = snapshotRecipe(sources);

let snapshot: Uint8Array;
let stored: Uint8Array;
let packed: Response;
let unpacked: Uint8Array;
let restored: PyodideInterface;

/** Bytes as Cache Storage would give them back, with the headers the snapshot was stored with. */
function asStored(bytes: Uint8Array): Response {
  return new Response(bytes as BlobPart, { headers: packed.headers });
}

beforeAll(async () => {
  snapshot = await makeSnapshot({ indexURL: nodePyodideDir() }, recipe);
  // Stored and read back the way Cache Storage keeps it.
  packed = await packSnapshot(snapshot);
  stored = new Uint8Array(await packed.clone().arrayBuffer());
  unpacked = await unpackSnapshot(asStored(stored));
  restored = await restoreSnapshot({ indexURL: nodePyodideDir() }, Promise.resolve(unpacked));
}, 60_000);

describe('snapshot recipe', () => {
  it('restores with the runner already imported, and nothing only exercises need', () => {
    const names = restored.runPython(
      'import sys\n[name for name in ("wheelhouse_runner", "wheelhouse_checks", "tracemalloc", "json") if name in sys.modules]',
    ) as { toJs(): string[]; destroy(): void };
    expect(names.toJs()).toEqual(['wheelhouse_runner']);
    names.destroy();
  });

  it('lets go of the bytes it was restored from', () => {
    expect(unpacked.byteLength).toBe(0); // moved out, so nothing holds the 21 MB any more
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

  it('is stored compressed, and damaged bytes are refused rather than restored', async () => {
    expect(stored.length).toBeLessThan(snapshot.length / 3);
    expect(packed.headers.get('Content-Type')).toBe('application/zstd');
    const unpacked = await unpackSnapshot(asStored(stored));
    // Byte for byte (Buffer.equals: a 21 MB toEqual would enumerate every index).
    expect(Buffer.from(unpacked).equals(Buffer.from(snapshot))).toBe(true);
    const truncated = stored.slice(0, stored.length / 2);
    await expect(unpackSnapshot(asStored(truncated))).rejects.toThrow(/damaged/);
    const flipped = stored.slice();
    flipped[Math.floor(flipped.length / 3)]! ^= 0x10;
    await expect(unpackSnapshot(asStored(flipped))).rejects.toThrow(/damaged/);
    await expect(unpackSnapshot(new Response(stored as BlobPart))).rejects.toThrow(/no digest/);
  });

  it('names its key after the runtime, the recipe and the standard library', async () => {
    const indexURL = 'https://example.test/pyodide/v0.28.0/';
    const runtime = { indexURL, stdLibURL: `${indexURL}python_stdlib-0123456789ab.zip` };
    const key = await snapshotKey(runtime, recipe);
    expect(key.startsWith(`${indexURL}__snapshot__/pyodide-0.28.0-recipe-`)).toBe(true);
    expect(await snapshotKey({ ...runtime }, recipe)).toBe(key);
    const edited = recipe.modules.map(([name, source]) => [name, `${source}\n# changed`] as const);
    expect(await snapshotKey(runtime, { ...recipe, modules: edited })).not.toBe(key);
    const rebuilt = { indexURL, stdLibURL: `${indexURL}python_stdlib-ba9876543210.zip` };
    expect(await snapshotKey(rebuilt, recipe)).not.toBe(key);
  });

  it('cannot be restored over another standard library (why the key names it)', async () => {
    // Made over Pyodide's zip, restored over the one the site serves: Python's index of the
    // zip is in the snapshot, and points into the wrong file.
    const elsewhere = await restoreSnapshot(
      { indexURL: nodePyodideDir(), stdLibURL: await nodeStdlib() },
      Promise.resolve(snapshot.slice()),
    );
    expect(() => elsewhere.runPython('import json')).toThrow(/bad local file header/);
  });
});
