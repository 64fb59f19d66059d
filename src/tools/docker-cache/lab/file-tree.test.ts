import { describe, expect, it } from 'vitest';
import { codeSpans, languageFor, treeRows } from './file-tree';

describe('treeRows', () => {
  it('lists folders once, before files, with their depth', () => {
    const rows = treeRows([
      'README.md',
      'src/shop/api.py',
      'src/shop/__init__.py',
      'src/main.py',
      '.git/HEAD',
    ]);
    expect(
      rows.map(
        (row) => `${'  '.repeat(row.depth)}${row.kind === 'folder' ? `${row.name}/` : row.name}`,
      ),
    ).toEqual([
      '.git/',
      '  HEAD',
      'src/',
      '  shop/',
      '    __init__.py',
      '    api.py',
      '  main.py',
      'README.md',
    ]);
  });
});

describe('languageFor', () => {
  it('picks the editor language from the file name', () => {
    expect(languageFor('src/app.py')).toBe('python');
    expect(languageFor('uv.lock')).toBe('toml');
    expect(languageFor('pyproject.toml')).toBe('toml');
    expect(languageFor('requirements.txt')).toBe('plaintext');
  });
});

describe('codeSpans', () => {
  it('splits `code` out of lint messages', () => {
    expect(codeSpans('Dependencies are installed after `COPY . .` (line 3)')).toEqual([
      { code: false, text: 'Dependencies are installed after ' },
      { code: true, text: 'COPY . .' },
      { code: false, text: ' (line 3)' },
    ]);
  });
});
