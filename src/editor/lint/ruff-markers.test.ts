import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../tools/docker-cache';
import type { RuffDiagnostic } from './protocol';
import { ruffInNode } from './ruff-in-node';
import { lintText, ruffMarkers, type LintSource } from './ruff-markers';
import type { RuffService } from './ruff-service';
import { ruffSettings } from './rules';

let ruff: RuffService;
beforeAll(() => {
  ruff = ruffInNode();
});

async function lint(source: LintSource) {
  const withNeighbours = Boolean(source.neighbours);
  const diagnostics = await ruff.check(lintText(source).text, ruffSettings({}, withNeighbours));
  return ruffMarkers(diagnostics, source);
}

describe('ruffMarkers', () => {
  it('marks an unused import with its code, a note and the fix that removes it', async () => {
    const code = 'import os\nprint("hi")\n';
    const [marker, ...rest] = await lint({ code });
    expect(rest).toEqual([]);
    expect(marker).toMatchObject({
      source: 'ruff',
      severity: 'warning',
      code: 'F401',
      line: 1,
      column: 8,
      endLine: 1,
      endColumn: 10,
      tags: ['unnecessary'],
      fix: { title: 'Remove unused import: `os`' },
    });
    expect(marker!.message).toMatch(/^`os` imported but unused\n.*slows start-up/);
    expect(applyEdits(code, marker!.fix!.edits)).toBe('print("hi")\n');
  });

  it('uses UTF-16 columns, as Monaco does', async () => {
    const [marker] = await lint({ code: 'x = "😀"; y = x == None\n' });
    expect(marker).toMatchObject({ code: 'E702', column: 9, endColumn: 10 });
  });

  it('leaves syntax errors to Python and keeps no marker without a rule code', async () => {
    expect(await lint({ code: 'def f(:\n    pass\n' })).toEqual([]);
    const diagnostic = { code: null, start_location: { row: 1, column: 1 } } as RuffDiagnostic;
    expect(ruffMarkers([diagnostic], { code: 'x' })).toEqual([]);
  });

  it('gives a marker without a note or fix just the message', async () => {
    const [marker] = await lint({ code: 'try:\n    pass\nexcept:\n    pass\n' });
    expect(marker).toMatchObject({ code: 'E722', line: 3 });
    expect(marker!.fix).toBeUndefined();
    expect(marker!.message).toContain('\nA bare `except` also catches Ctrl+C');
  });

  it("does not call a cell's last expression useless: its value is shown", async () => {
    const code = 'x = 6\n[x,\n 7]\n# done\n';
    expect(await lint({ code, showsLastExpression: true })).toEqual([]);
    expect((await lint({ code })).map((m) => m.code)).toEqual(['B018']);
    const earlier = await lint({ code: 'x = 6\nx\nprint(x)\n', showsLastExpression: true });
    expect(earlier.map((m) => [m.code, m.line])).toEqual([['B018', 2]]);
  });

  it("lints a cell with its neighbours: their names are known, only the cell's lines are marked", async () => {
    const source = {
      code: 'import json\nprint(release, os)\nimport sys\n',
      neighbours: { before: 'import os\nrelease = "1.4"\nunused = 1', after: 'print(json)' },
    };
    const markers = await lint(source);
    // E402 would flag every import after an earlier cell; `json` is used by the next cell.
    expect(markers.map((m) => [m.code, m.line, m.column])).toEqual([['F401', 3, 8]]);
    expect(applyEdits(source.code, markers[0]!.fix!.edits)).toBe(
      'import json\nprint(release, os)\n',
    );
  });

  it("offers no fix that would edit a neighbour's code", () => {
    const diagnostic: RuffDiagnostic = {
      code: 'F811',
      message: 'Redefinition of unused `f`',
      tags: [],
      annotations: [],
      subDiagnostics: [],
      start_location: { row: 3, column: 5 },
      end_location: { row: 3, column: 6 },
      fix: {
        message: 'Remove definition: `f`',
        edits: [
          { content: null, location: { row: 1, column: 1 }, end_location: { row: 2, column: 1 } },
        ],
      },
    };
    const [marker] = ruffMarkers([diagnostic], {
      code: 'def f():\n    pass',
      neighbours: { before: 'def f():\n    pass' },
    });
    expect(marker).toMatchObject({ code: 'F811', line: 1, column: 5 });
    expect(marker!.fix).toBeUndefined();
  });
});
