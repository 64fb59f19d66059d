/** wheelhouse_checks.py through PythonSession.run with an exercise, in Pyodide under Node. */
import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeSession } from '../node/node-session';
import type { CheckResult, RunResult, RuntimeEvent } from '../protocol';
import type { PythonSession } from './session';

let session: PythonSession;
const events: RuntimeEvent[] = [];
let runId = 1;

beforeAll(async () => {
  session = await startNodeSession({ onEvents: (batch) => events.push(...batch) });
});

async function exercise(code: string, checks: string, language = 'python'): Promise<RunResult> {
  events.length = 0;
  return session.run({
    runId: runId++,
    code,
    scope: 'exercise:test',
    filename: '<exercise>',
    exercise: { checks, language },
  });
}

function summary(checks: CheckResult[] | undefined): Array<[string, boolean]> {
  return (checks ?? []).map((check) => [check.name, check.passed]);
}

const AVERAGE_CHECKS = `
assert average([2, 4]) == 3, "average([2, 4]) should be 3"
expect_returns(average, [([1, 2, 3], 2), ([5], 5)])
expect_output("ready\\n")
`;

describe('exercise checks', () => {
  it('pass for a correct solution, one result per check', async () => {
    const result = await exercise(
      'def average(values):\n    return sum(values) / len(values)\nprint("ready")',
      AVERAGE_CHECKS,
    );
    expect(result.ok).toBe(true);
    expect(summary(result.checks)).toEqual([
      ['average([2, 4]) should be 3', true],
      ['average returns the right values (2 cases)', true],
      ["prints 'ready\\n'", true],
    ]);
  });

  it('fail with messages a learner can act on', async () => {
    const result = await exercise(
      'def average(values):\n    return sum(values)\nprint("Ready")',
      AVERAGE_CHECKS,
    );
    const [first, second, third] = result.checks!;
    expect(first).toMatchObject({ passed: false, message: 'average([2, 4]) should be 3' });
    expect(second).toMatchObject({
      passed: false,
      message: 'average([1, 2, 3]) returned 6, expected 2',
    });
    expect(third).toMatchObject({
      passed: false,
      message: "expected the output 'ready\\n', but it was 'Ready\\n'",
    });
  });

  it('report a missing definition instead of crashing the checks', async () => {
    const result = await exercise(
      'pass',
      'expect_returns(average, [([1], 1)])\nassert True, "still runs"',
    );
    expect(result.checks).toEqual([
      {
        name: 'expect_returns(average, [([1], 1)])',
        passed: false,
        message: "name 'average' is not defined: your code should define average",
      },
      { name: 'still runs', passed: true, message: '' },
    ]);
  });

  it('are not run when the learner code raises, and the error is reported', async () => {
    const result = await exercise('1 / 0', AVERAGE_CHECKS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ type: 'ZeroDivisionError', line: 1 });
    expect(result.checks).toEqual([]);
  });

  it('start from a fresh namespace every time', async () => {
    await exercise('leftover = 1', 'assert True');
    const result = await exercise('pass', 'assert "leftover" not in globals(), "fresh"');
    expect(summary(result.checks)).toEqual([['fresh', true]]);
  });

  it('measure time and peak memory', async () => {
    const code = 'def small(): return sum(range(1000))\ndef big(): return [0] * 2_000_000';
    const checks = [
      'expect_faster_than(1000, small)',
      'expect_faster_than(0.000001, big)',
      'expect_peak_memory_below(64, small)',
      'expect_peak_memory_below(1024, big)',
    ].join('\n');
    const result = await exercise(code, checks);
    expect(summary(result.checks).map(([, passed]) => passed)).toEqual([true, false, true, false]);
    expect(result.checks![3]!.message).toMatch(
      /^big\(\) used [\d,]+ KiB at its peak; the limit is 1,024 KiB$/,
    );
  });

  it('check submissions in other languages without running them', async () => {
    const toml = '[project]\nname = "demo"\nversion = "0.1.0"\n';
    const checks =
      'import tomllib\ndata = tomllib.loads(submission)\nassert data["project"]["name"] == "demo", "name the project demo"';
    expect(summary((await exercise(toml, checks, 'toml')).checks)).toEqual([
      ['name the project demo', true],
    ]);
    const result = await exercise('[project]\nname = "x"\n', checks, 'toml');
    expect(summary(result.checks)).toEqual([['name the project demo', false]]);
  });

  it('keep check output out of the learner output and report broken checks', async () => {
    const result = await exercise('print("mine")', 'print("from checks")\nassert True, "ok"');
    const printed = events
      .flatMap((event) => (event.type === 'output' ? [event.text] : []))
      .join('');
    expect(printed).toBe('mine\n');
    expect(summary(result.checks)).toEqual([['ok', true]]);
    const broken = await exercise('pass', 'assert (');
    expect(broken.checks![0]).toMatchObject({ name: 'the checks themselves', passed: false });
    expect(broken.checks![0]!.message).toMatch(/^SyntaxError: .* \(checks line 1\)$/);
  });

  it('leave nothing behind when the checks end in an error of their own', async () => {
    // An error that is no Exception ends the checks themselves rather than one check (as
    // KeyboardInterrupt does when Stop is pressed while they run).
    const broken = await exercise(
      'kept = 1',
      'assert True, "ran"\nclass Escape(BaseException): pass\nraise Escape("checks broke")',
    );
    expect(broken.ok ? null : broken.error).toMatchObject({ type: 'Escape' });
    // Outside an exercise the helpers refuse, rather than record into the broken run...
    const cell = await session.run({
      runId: runId++,
      code: 'import wheelhouse_checks\nwheelhouse_checks.expect(True, "recorded")',
      scope: 'cell',
      filename: '<cell 1>',
    });
    expect(cell.ok ? null : cell.error.message).toBe(
      "expect_* helpers only work inside an exercise's checks",
    );
    // ...and the next exercise has results of its own.
    const next = await exercise(
      'def double(x):\n    return 2 * x',
      'expect_returns(double, [(2, 4)])',
    );
    expect(summary(next.checks)).toEqual([['double returns the right values (1 cases)', true]]);
  });

  it('support @check functions and expect_raises', async () => {
    const code =
      'def parse_age(text):\n    age = int(text)\n    if age < 0: raise ValueError("negative")\n    return age';
    const checks = [
      '@check("parses 42")',
      'def _():',
      '    assert parse_age("42") == 42',
      'expect_raises(ValueError, parse_age, "-1")',
      'expect_raises(ValueError, parse_age, "7")',
    ].join('\n');
    const result = await exercise(code, checks);
    expect(summary(result.checks)).toEqual([
      ['parses 42', true],
      ["parse_age('-1') raises ValueError", true],
      ["parse_age('7') raises ValueError", false],
    ]);
  });
});
