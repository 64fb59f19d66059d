import { describe, expect, it } from 'vitest';
import { RuntimeClient, type RunHandlers, type RunInput, type RunOutcome } from '../runtime';
import { RuntimePrep } from './runtime-prep';

/** A runtime that records what is queued and answers each run with `answer`. */
class RecordingRuntime extends RuntimeClient {
  constructor() {
    super({
      createWorker: () => {
        throw new Error('RecordingRuntime never starts Python');
      },
      indexURL: 'https://example.test/pyodide/',
    });
  }

  queued: RunInput[] = [];
  answer: (input: RunInput) => RunOutcome = () => ({ result: { ok: true, durationMs: 1 } });

  override run(input: RunInput, _handlers: RunHandlers) {
    this.queued.push(input);
    return { runId: this.queued.length, done: Promise.resolve(this.answer(input)) };
  }
}

const names = (runtime: RecordingRuntime) => runtime.queued.map((input) => input.filename);

describe('RuntimePrep', () => {
  it('queues setup, then the packages, at once (so a run queued next comes after them)', () => {
    const runtime = new RecordingRuntime();
    const prep = new RuntimePrep(runtime, ['A = 1', 'B = 2']);
    void prep.ensure(['numpy']);
    expect(names(runtime)).toEqual(['<setup 1>', '<setup 2>', '<packages>']);
    expect(runtime.queued[0]).toMatchObject({ code: 'A = 1', scope: 'page' });
    expect(runtime.queued[2]!.files).toEqual({ 'wheelhouse-packages.json': '["numpy"]' });
  });

  it('runs each thing once per interpreter, and again in a new one', async () => {
    const runtime = new RecordingRuntime();
    const prep = new RuntimePrep(runtime, ['A = 1']);
    expect(await prep.ensure(['numpy'])).toBeNull();
    expect(await prep.ensure(['numpy'])).toBeNull();
    void prep.ensure(['numpy', 'pandas']);
    expect(names(runtime)).toEqual(['<setup>', '<packages>', '<packages>']);
    expect(runtime.queued[2]!.files).toEqual({ 'wheelhouse-packages.json': '["pandas"]' });

    runtime.generation++; // Stop without isolation, a crash, or Restart
    void prep.ensure([]);
    expect(names(runtime)).toEqual(['<setup>', '<packages>', '<packages>', '<setup>']);
  });

  it('says what failed, with the traceback, to every cell that needs it', async () => {
    const runtime = new RecordingRuntime();
    runtime.answer = (input) =>
      input.filename === '<setup>'
        ? {
            result: {
              ok: false,
              durationMs: 1,
              error: {
                type: 'NameError',
                message: "name 'pd' is not defined",
                traceback: "NameError: name 'pd' is not defined\n",
                line: 1,
                filename: '<setup>',
                interrupted: false,
              },
            },
          }
        : { result: { ok: true, durationMs: 1 } };
    const prep = new RuntimePrep(runtime, ['pd.DataFrame()']);
    const failure = "The setup code failed:\nNameError: name 'pd' is not defined\n";
    expect(await prep.ensure([])).toBe(failure);
    expect(await prep.ensure(['numpy'])).toBe(failure);
    expect(names(runtime)).toEqual(['<setup>', '<packages>']);
  });

  it('needs nothing on a page without setup code or packages', async () => {
    const runtime = new RecordingRuntime();
    expect(await new RuntimePrep(runtime, []).ensure([])).toBeNull();
    expect(runtime.queued).toEqual([]);
  });
});
