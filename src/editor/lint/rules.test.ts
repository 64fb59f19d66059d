import { beforeAll, describe, expect, it } from 'vitest';
import { ruffInNode } from './ruff-in-node';
import type { RuffService } from './ruff-service';
import { DEFAULT_RULES, LINE_LENGTH, ruffSettings } from './rules';

describe('ruffSettings', () => {
  it('checks pyflakes, pycodestyle errors and bugbear by default, lines up to 100', () => {
    expect(ruffSettings()).toEqual({
      'line-length': 100,
      'target-version': 'py313',
      lint: { select: ['B', 'E', 'F'], ignore: ['B905'] },
    });
    expect(LINE_LENGTH).toBe(100);
    expect(DEFAULT_RULES.select).not.toContain('W');
  });

  it("replaces the selection with a pack's select and adds its ignores to the defaults", () => {
    const settings = ruffSettings({ select: ['F', 'UP'], ignore: ['F401'] });
    expect(settings.lint).toEqual({ select: ['F', 'UP'], ignore: ['B905', 'F401'] });
  });

  it('keeps the default selection when a pack only ignores', () => {
    expect(ruffSettings({ ignore: ['e501'] }).lint).toEqual({
      select: ['B', 'E', 'F'],
      ignore: ['B905', 'E501'],
    });
  });

  it('normalises codes so equal rule sets give equal settings', () => {
    expect(ruffSettings({ select: [' f', 'E', 'F', 'b '] })).toEqual(ruffSettings({}));
  });

  it('ignores E402 when a cell is linted with the cells around it', () => {
    expect(ruffSettings({}, true).lint.ignore).toEqual(['B905', 'E402']);
  });
});

describe('the settings in real Ruff', () => {
  let ruff: RuffService;
  beforeAll(() => {
    ruff = ruffInNode();
  });

  it('flags a mistake but not a W style nit or a 99-character line', async () => {
    const long = `x = "${'a'.repeat(93)}"`;
    expect(long).toHaveLength(99);
    const code = `import os\n${long}\nprint(x)   \n`;
    const codes = (await ruff.check(code, ruffSettings())).map((d) => d.code);
    expect(codes).toEqual(['F401']);
  });

  it('follows a pack that ignores a rule and one that selects more', async () => {
    const code = 'import os\nprint("%s" % 1)\n';
    expect(await ruff.check(code, ruffSettings({ ignore: ['F401'] }))).toEqual([]);
    const codes = (await ruff.check(code, ruffSettings({ select: ['F', 'UP'] }))).map(
      (d) => d.code,
    );
    expect(codes.sort()).toEqual(['F401', 'UP031']);
  });

  it('refuses an unknown rule code', async () => {
    await expect(ruff.check('x = 1\n', ruffSettings({ select: ['XYZ1'] }))).rejects.toThrow(/XYZ1/);
  });
});
