/** The labs' tools as exercise checks see them: wheelhouse_tools in Pyodide under Node. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startNodeSession } from '../node/node-session';
import type { RunResult } from '../protocol';
import type { PythonSession } from './session';

let session: PythonSession;
let runId = 1;

beforeAll(async () => {
  session = await startNodeSession({ onEvents: () => {} });
});

function check(code: string, checks: string, language = 'python'): Promise<RunResult> {
  return session.run({
    runId: runId++,
    code,
    scope: 'tools',
    filename: '<exercise>',
    exercise: { checks, language },
  });
}

const DEPS_FIRST = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "src/app.py"]
`;
const COPY_ALL_FIRST = `FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "src/app.py"]
`;
const CHECKS = `from wheelhouse_tools import simulate_docker, step
before = {"requirements.txt": "flask==3.0.3\\n", "src/app.py": "print(1)\\n"}
after = {**before, "src/app.py": "print(2)\\n"}
result = simulate_docker(submission, before, after)
assert step(result, "RUN pip install")["status"] == "hit", "editing src/app.py must not re-run pip install"
`;

describe('wheelhouse_tools in checks', () => {
  it('run the Docker cache simulator on a submitted Dockerfile', async () => {
    expect((await check(DEPS_FIRST, CHECKS, 'dockerfile')).checks).toEqual([
      { name: 'editing src/app.py must not re-run pip install', passed: true, message: '' },
    ]);
    const failing = await check(COPY_ALL_FIRST, CHECKS, 'dockerfile');
    expect(failing.checks![0]).toMatchObject({
      passed: false,
      message: 'editing src/app.py must not re-run pip install',
    });
  });

  it('report a broken Dockerfile as a failed check with the parser message', async () => {
    const result = await check('FROM python\nCOPY\n', CHECKS, 'dockerfile');
    expect(result.checks![0]!.passed).toBe(false);
    expect(result.checks![0]!.message).toMatch(/^ToolError: .*line 2/);
  });

  it('lint a Dockerfile and resolve constraints', async () => {
    const checks = `from wheelhouse_tools import lint_dockerfile, resolve
rules = {finding["rule"] for finding in lint_dockerfile(submission)}
assert "SBX001" in rules, sorted(rules)
ok = resolve("root -> a\\na 1.0.0 2.0.0")
assert ok == {"ok": True, "solution": {"a": "2.0.0"}}, ok
bad = resolve("root -> a>=3\\na 1.0.0")
assert not bad["ok"] and "version solving failed" in bad["explanation"], bad
`;
    const result = await check(COPY_ALL_FIRST, checks, 'dockerfile');
    expect(result.checks!.map((item) => [item.passed, item.message])).toEqual([
      [true, ''],
      [true, ''],
      [true, ''],
    ]);
  });
});

describe('the bridge', () => {
  it("names every tool's Python modules before any function has loaded", async () => {
    const { createToolsBridge, loadToolFunctions } = await import('./tools-bridge');
    const { tools } = await import('../../app/tools');
    const bridge = createToolsBridge();
    expect(bridge.python_modules).toEqual(tools.flatMap((tool) => tool.python?.modules ?? []));
    expect(bridge['docker_simulate']).toBeUndefined();
    await loadToolFunctions(bridge);
    expect(typeof bridge['docker_simulate']).toBe('function');
    expect(typeof bridge['resolve']).toBe('function');
  });

  it('refuses two tools that give Python the same name', async () => {
    vi.resetModules();
    vi.doMock('../../app/tools', () => ({
      tools: [
        { name: 'one', python: { modules: [], functions: async () => ({ go: () => '' }) } },
        { name: 'two', python: { modules: [], functions: async () => ({ go: () => '' }) } },
      ],
    }));
    try {
      const { createToolsBridge, loadToolFunctions } = await import('./tools-bridge');
      await expect(loadToolFunctions(createToolsBridge())).rejects.toThrow(
        'the tools one and two both offer Python a "go"',
      );
    } finally {
      vi.doUnmock('../../app/tools');
      vi.resetModules();
    }
  });

  it('reports a check that calls a tool before its functions loaded, by name', async () => {
    const { createToolsBridge, toolModuleSources } = await import('./tools-bridge');
    const { readToolPythonSources } = await import('../build/python-sources');
    const bridge = createToolsBridge();
    const early = await startNodeSession({
      onEvents: () => {},
      tools: { bridge, modules: toolModuleSources(readToolPythonSources(), bridge) },
    });
    const result = await early.run({
      runId: 1,
      code: 'x = 1',
      scope: 's',
      filename: '<exercise>',
      exercise: {
        checks: 'from wheelhouse_tools import resolve\nresolve("root -> a\\na 1.0.0")',
        language: 'python',
      },
    });
    expect(result.checks?.[0]?.message).toMatch(/still loading/);
  });
});
