/** Wheelhouse's exercise-only modules in a session (Pyodide under Node): imported on first use. */
import { describe, expect, it } from 'vitest';
import { startNodeSession } from '../node/node-session';

describe('modules only exercises need', () => {
  const LOADED =
    'import sys\nprint([n for n in ("wheelhouse_checks", "wheelhouse_tools", "tracemalloc") if n in sys.modules])';

  async function fresh() {
    const output: string[] = [];
    const started = await startNodeSession({
      onEvents: (batch) => {
        for (const event of batch) if (event.type === 'output') output.push(event.text);
      },
    });
    const loaded = async () => {
      output.length = 0;
      await started.run({ runId: 1, code: LOADED, scope: 's', filename: '<cell 1>' });
      return output.join('').trim();
    };
    return { session: started, loaded };
  }

  it('are not imported at start, and an exercise imports them when it needs them', async () => {
    const { session: started, loaded } = await fresh();
    expect(await loaded()).toBe('[]');
    const result = await started.run({
      runId: 2,
      code: 'def grow(n):\n    return list(range(n))',
      scope: 's',
      filename: '<cell 1>',
      exercise: {
        checks:
          'from wheelhouse_tools import lint_dockerfile\n' +
          'expect_peak_memory_below(1024, grow, 10)\n' +
          'assert isinstance(lint_dockerfile("FROM python:3.13"), list)',
        language: 'python',
      },
    });
    expect(result.ok && result.checks?.map((check) => check.passed)).toEqual([true, true]);
    expect(await loaded()).toBe("['wheelhouse_checks', 'wheelhouse_tools', 'tracemalloc']");
  });

  it('are imported ahead of time by warmUp', async () => {
    const { session: started, loaded } = await fresh();
    started.warmUp();
    expect(await loaded()).toBe("['wheelhouse_checks', 'wheelhouse_tools', 'tracemalloc']");
  });
});
