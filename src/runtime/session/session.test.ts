/**
 * The runtime's Python side (the runner's modules through PythonSession), exercised in Pyodide
 * under Node.
 */
import { existsSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { offlinePackageDir, startNodeSession } from '../node/node-session';
import type { RunResult, RuntimeEvent } from '../protocol';
import type { PythonSession } from './session';

let session: PythonSession;
const events: RuntimeEvent[] = [];
const answers: Array<string | null> = [];
let nextRunId = 1;

beforeAll(async () => {
  session = await startNodeSession({
    onEvents: (batch) => events.push(...batch),
    readLine: (announce) => {
      announce();
      return answers.length ? answers.shift()! : null;
    },
    // Stands in for the page: a sleep of 100 s or more is "stopped" at once.
    sleep: (seconds) => seconds >= 100,
  });
});

async function run(
  code: string,
  scope = 'test',
): Promise<{ result: RunResult; stdout: string; stderr: string }> {
  events.length = 0;
  const result = await session.run({ runId: nextRunId++, code, scope, filename: '<cell 1>' });
  const text = (stream: string) =>
    events
      .filter(
        (event): event is Extract<RuntimeEvent, { type: 'output' }> =>
          event.type === 'output' && event.stream === stream,
      )
      .map((event) => event.text)
      .join('');
  return { result, stdout: text('stdout'), stderr: text('stderr') };
}

function failure(result: RunResult) {
  if (result.ok) throw new Error('expected the run to fail');
  return result.error;
}

describe('PythonSession', () => {
  it('runs code, streams stdout and stderr, and shows the last expression', async () => {
    const { result, stdout, stderr } = await run(
      'import sys\nprint("hi")\nprint("bad", file=sys.stderr)\n6 * 7',
    );
    expect(result.ok).toBe(true);
    expect(stdout).toBe('hi\n42\n');
    expect(stderr).toBe('bad\n');
  });

  it('keeps variables per scope, like notebook cells', async () => {
    await run('counter = 41', 'page-a');
    expect((await run('counter += 1\nprint(counter)', 'page-a')).stdout).toBe('42\n');
    const other = await run('print(counter)', 'page-b');
    expect(failure(other.result).type).toBe('NameError');
    session.resetScope('page-a');
    expect(failure((await run('counter', 'page-a')).result).type).toBe('NameError');
  });

  it('trims tracebacks to the learner code and reports the failing line', async () => {
    const { result } = await run(
      'def average(values):\n    return sum(values) / len(values)\n\naverage([])',
    );
    const error = failure(result);
    expect(error.type).toBe('ZeroDivisionError');
    expect(error.line).toBe(2);
    expect(error.traceback).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "<cell 1>", line 4/,
    );
    expect(error.traceback).not.toMatch(/wheelhouse_runner|_pyodide|contextlib|<exec>/);
  });

  it('runs top-level await in a task, and other code at once, with the same results', async () => {
    // Code without await runs directly (no task: the event loop is not involved)...
    const direct = await run('import asyncio\nprint(asyncio.current_task() is None)');
    expect(direct.stdout).toBe('True\n');
    // Only the whole words count: names that contain them are not await.
    const lookalikes = await run(
      'async_total, awaited = 1, 2\nimport asyncio\nprint(asyncio.current_task() is None)',
    );
    expect(lookalikes.stdout).toBe('True\n');
    const asyncDef = await run(
      'import asyncio\nasync def inner():\n    return asyncio.current_task() is None\nprint(await inner())',
    );
    expect(asyncDef.stdout).toBe('False\n');
    // ...code with it runs as a task, and ends, fails and is trimmed like any other cell.
    const { result, stdout } = await run(
      'import asyncio\nawait asyncio.sleep(0)\nprint(asyncio.current_task() is None)\n1 / 0',
    );
    expect(stdout).toBe('False\n');
    const error = failure(result);
    expect(error.type).toBe('ZeroDivisionError');
    expect(error.line).toBe(4);
    expect(error.traceback).not.toMatch(/wheelhouse_runner|_pyodide|contextlib|<exec>/);
    expect((await run('import asyncio\nawait asyncio.sleep(0)\n6 * 7')).stdout).toBe('42\n');
  });

  it('keeps library frames below the learner code', async () => {
    const error = failure((await run('import json\njson.loads("{")')).result);
    expect(error.type).toBe('JSONDecodeError');
    expect(error.line).toBe(2);
    expect(error.traceback).toContain('json/decoder.py');
  });

  it('reports syntax errors with their line, before anything runs', async () => {
    const error = failure((await run('print("before")\nx = (\n')).result);
    expect(error.type).toBe('SyntaxError');
    expect(error.line).toBe(2);
    expect(session.checkSyntax('x = (', '<cell 1>')).toMatchObject({ line: 1 });
    expect(session.checkSyntax('x = 1', '<cell 1>')).toBeNull();
    // Errors that only compiling finds, and top-level await (allowed in cells).
    expect(session.checkSyntax('return 1', '<cell 1>')).toMatchObject({
      message: "'return' outside function",
    });
    expect(session.checkSyntax('import asyncio\nawait asyncio.sleep(0)', '<cell 1>')).toBeNull();
  });

  it('reads input() through the page, echoing nothing itself', async () => {
    answers.push('Ada');
    const { result, stdout } = await run('name = input("Name? ")\nprint(f"hello {name}")');
    expect(result.ok).toBe(true);
    expect(stdout).toBe('Name? hello Ada\n');
    const inputEvent = events.find((event) => event.type === 'input');
    expect(inputEvent).toBeDefined();
    // The prompt is flushed before Python waits, so the page shows it above the answer box.
    const order = events.map((event) => event.type);
    expect(order.indexOf('output')).toBeLessThan(order.indexOf('input'));
  });

  it('turns a cancelled input() (Stop pressed) into KeyboardInterrupt', async () => {
    const error = failure((await run('input("?")')).result);
    expect(error.type).toBe('KeyboardInterrupt');
    expect(error.interrupted).toBe(true);
  });

  it('routes time.sleep through the page, so Stop can cut it short', async () => {
    expect((await run('import time\ntime.sleep(0.01)\nprint("slept")')).stdout).toBe('slept\n');
    const error = failure((await run('import time\ntime.sleep(1000)')).result);
    expect(error).toMatchObject({ type: 'KeyboardInterrupt', interrupted: true, line: 2 });
    expect(failure((await run('import time\ntime.sleep(-1)')).result).type).toBe('ValueError');
  });

  it('caps the recursion limit instead of overflowing the native stack', async () => {
    const { result, stderr } = await run(
      'import sys\nsys.setrecursionlimit(10**6)\ndef f(n): return f(n + 1)\nf(0)',
    );
    expect(failure(result).type).toBe('RecursionError');
    expect(stderr).toContain('lowered to 5000');
    expect((await run('print("still alive")')).stdout).toBe('still alive\n');
  });

  it('treats os._exit and sys.exit as the end of the program, not of Python', async () => {
    await run('kept = "yes"');
    const exited = failure((await run('import os\nos._exit(3)')).result);
    expect(exited).toMatchObject({ type: 'SystemExit', traceback: 'Program exited with code 3\n' });
    expect((await run('import sys\nsys.exit(0)')).result.ok).toBe(true);
    expect((await run('print(kept)')).stdout).toBe('yes\n');
  });

  it('explains imports of packages Pyodide does not have', async () => {
    const error = failure((await run('import surely_not_a_real_package')).result);
    expect(error.type).toBe('ModuleNotFoundError');
    expect(error.message).toContain("'surely_not_a_real_package' is not one of them");
  });

  it('writes project files before running and re-imports edited modules', async () => {
    const first = await session.run({
      runId: nextRunId++,
      code: 'import helper\nprint(helper.VALUE)',
      scope: 'project',
      filename: 'main.py',
      files: { 'helper.py': 'VALUE = 1\n', 'data/config.toml': 'name = "x"\n' },
    });
    expect(first.ok).toBe(true);
    events.length = 0;
    await session.run({
      runId: nextRunId++,
      code: 'import helper, tomllib\nprint(helper.VALUE, tomllib.load(open("data/config.toml", "rb"))["name"])',
      scope: 'project',
      filename: 'main.py',
      files: { 'helper.py': 'VALUE = 2\n', 'data/config.toml': 'name = "x"\n' },
    });
    const stdout = events
      .flatMap((event) => (event.type === 'output' ? [event.text] : []))
      .join('');
    expect(stdout).toBe('2 x\n');
  });

  it('batches a flood of output into few messages', async () => {
    events.length = 0;
    const result = await session.run({
      runId: nextRunId++,
      code: 'for i in range(20000): print(i)',
      scope: 't',
      filename: '<cell 1>',
    });
    expect(result.ok).toBe(true);
    const outputs = events.filter((event) => event.type === 'output');
    const text = outputs.map((event) => (event.type === 'output' ? event.text : '')).join('');
    expect(text.split('\n').length).toBe(20001);
    expect(outputs.length).toBeLessThan(200);
  });
});

const wheels = offlinePackageDir();
const hasNumpy =
  wheels !== undefined &&
  existsSync(wheels) &&
  readdirSync(wheels).some((file) => file.startsWith('numpy-'));

describe.skipIf(!hasNumpy)('packages from WHEELHOUSE_PYODIDE_PACKAGES', () => {
  it('loads numpy on import, announcing it', async () => {
    const { result, stdout } = await run(
      'import numpy as np\nprint(np.arange(10**6, dtype=np.int64).sum())',
    );
    expect(result.ok).toBe(true);
    expect(stdout).toBe('499999500000\n');
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'packages', names: ['numpy'], state: 'loaded' }),
    );
  });
});

if (!hasNumpy) {
  console.log(
    'session.test: skipping package tests: WHEELHOUSE_PYODIDE_PACKAGES does not name a folder with the numpy wheel',
  );
}

describe('projects', () => {
  it('run in a folder of their own and report errors in their files by relative path', async () => {
    const files = {
      'main.py': 'from app.core import parse\nprint(parse("7"))\nparse("x")\n',
      'app/__init__.py': '',
      'app/core.py': 'def parse(text):\n    return int(text)\n',
    };
    events.length = 0;
    const result = await session.run({
      runId: nextRunId++,
      code: files['main.py'],
      scope: 'p1',
      filename: 'main.py',
      files,
    });
    const error = failure(result);
    expect(error).toMatchObject({ type: 'ValueError', filename: 'app/core.py', line: 2 });
    expect(error.traceback).toContain('File "main.py", line 3, in <module>');
    expect(error.traceback).toContain('File "app/core.py", line 2, in parse');
    const other = await session.run({
      runId: nextRunId++,
      code: 'import os\nprint(sorted(os.listdir(".")))',
      scope: 'p2',
      filename: 'main.py',
      files: { 'main.py': '', 'notes.txt': 'x' },
    });
    expect(other.ok).toBe(true);
    const printed = events
      .flatMap((event) => (event.type === 'output' ? [event.text] : []))
      .join('');
    expect(printed).toBe("7\n['main.py', 'notes.txt']\n");
  });

  it('leave cells in the home folder without the project on sys.path', async () => {
    await session.run({
      runId: nextRunId++,
      code: '',
      scope: 'p3',
      filename: 'main.py',
      files: { 'main.py': '', 'only_here.py': '' },
    });
    const { stdout, result } = await run('import os\nprint(os.getcwd())\nimport only_here');
    expect(stdout).toBe('/home/pyodide\n');
    expect(failure(result).type).toBe('ModuleNotFoundError');
  });
});

describe('Stop before the learner code starts', () => {
  it('ends the run as interrupted, not as a crash, and Python carries on', async () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    const stopped = await startNodeSession({ onEvents: () => {}, interruptBuffer: interrupt });
    interrupt[0] = 2; // Stop arrives while the session prepares the run
    const result = await stopped.run({
      runId: 1,
      code: 'import json\nprint(1)',
      scope: 's',
      filename: '<cell 1>',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fatal).toBeUndefined();
      expect(result.error).toMatchObject({ type: 'KeyboardInterrupt', interrupted: true });
    }
    expect(
      (await stopped.run({ runId: 2, code: 'x = 1', scope: 's', filename: '<cell 1>' })).ok,
    ).toBe(true);

    // A Stop that arrives while the session does its own work (warming up, checking syntax)
    // is left for the run it was meant for.
    interrupt[0] = 2;
    stopped.warmUp();
    expect(stopped.checkSyntax('y = (', '<cell 2>')).toMatchObject({ line: 1 });
    stopped.resetScope('other');
    const meant = await stopped.run({
      runId: 3,
      code: 'while True:\n    pass',
      scope: 's',
      filename: '<cell 2>',
    });
    expect(meant.ok ? null : meant.error).toMatchObject({ type: 'KeyboardInterrupt' });
    expect(interrupt[0]).toBe(0);
  });
});
