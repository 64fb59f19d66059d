import { describe, expect, it } from 'vitest';
import {
  attributeReader,
  dedent,
  flag,
  parseCellOptions,
  parseHeight,
  parsePackages,
  unknownAttributes,
  type AttributeReader,
} from './options';

const attributes =
  (values: Record<string, string>): AttributeReader =>
  (name) =>
    values[name] ?? null;

describe('parseCellOptions', () => {
  it('has safe defaults: shared runtime, no autorun, editable, auto theme, no check', () => {
    const { options, warnings } = parseCellOptions(attributes({}), 3);
    expect(options).toEqual({
      label: 'Python cell 3',
      packages: [],
      readOnly: false,
      autorun: false,
      lines: { min: 3, max: 30 },
      theme: 'auto',
      runtime: 'shared',
      checkId: null,
      lint: false,
    });
    expect(warnings).toEqual([]);
  });

  it('reads every attribute', () => {
    const { options, warnings } = parseCellOptions(
      attributes({
        label: 'Averages',
        packages: 'numpy, requests==2.32.3',
        readonly: '',
        autorun: '',
        height: '8',
        theme: 'Dark',
        runtime: 'own',
        check: '#average-checks',
        lint: '',
      }),
      1,
    );
    expect(options).toEqual({
      label: 'Averages',
      packages: ['numpy', 'requests==2.32.3'],
      readOnly: true,
      autorun: true,
      lines: { min: 8, max: 8 },
      theme: 'dark',
      runtime: 'own',
      checkId: 'average-checks',
      lint: true,
    });
    expect(warnings).toEqual([]);
  });

  it('falls back to the default for a bad value and says why', () => {
    const { options, warnings } = parseCellOptions(
      attributes({ theme: 'purple', runtime: 'private', height: 'tall' }),
      1,
    );
    expect(options.theme).toBe('auto');
    expect(options.runtime).toBe('shared');
    expect(options.lines).toEqual({ min: 3, max: 30 });
    expect(warnings).toEqual([
      'height="tall" is neither a number of lines nor pixels (e.g. 12 or 240px)',
      'theme="purple" is not one of light, dark, auto; using auto',
      'runtime="private" is not one of shared, own; using shared',
    ]);
  });

  it('reads data- attributes too, so a <pre> can stay valid HTML', () => {
    const values: Record<string, string> = { 'data-theme': 'light', readonly: '' };
    const read = attributeReader({ getAttribute: (name) => values[name] ?? null });
    expect(parseCellOptions(read, 1).options).toMatchObject({ theme: 'light', readOnly: true });
  });
});

describe('flag', () => {
  it('is on when present, except for an explicit "false"', () => {
    expect(flag(null)).toBe(false);
    expect(flag('')).toBe(true);
    expect(flag('autorun')).toBe(true);
    expect(flag('false')).toBe(false);
    expect(flag(' FALSE ')).toBe(false);
  });
});

describe('parsePackages', () => {
  it('splits on spaces and commas, drops repeats, keeps version pins', () => {
    expect(parsePackages(' numpy,pandas  numpy\nrequests==2.32.3 ')).toEqual({
      names: ['numpy', 'pandas', 'requests==2.32.3'],
      warnings: [],
    });
  });

  it('refuses what is not a requirement', () => {
    expect(parsePackages('numpy ../evil a;b')).toEqual({
      names: ['numpy'],
      warnings: [
        'packages: "../evil" is not a package name',
        'packages: "a;b" is not a package name',
      ],
    });
  });
});

describe('parseHeight', () => {
  it('takes lines or pixels (at the editor’s 20px lines)', () => {
    expect(parseHeight('12').lines).toEqual({ min: 12, max: 12 });
    expect(parseHeight('216px').lines).toEqual({ min: 10, max: 10 });
    expect(parseHeight(null).lines).toEqual({ min: 3, max: 30 });
  });

  it('keeps at least one line and at most 200', () => {
    expect(parseHeight('0').lines).toEqual({ min: 1, max: 1 });
    expect(parseHeight('10px').lines).toEqual({ min: 1, max: 1 });
    expect(parseHeight('5000').lines).toEqual({ min: 200, max: 200 });
  });
});

describe('dedent', () => {
  it('removes the HTML indentation and the blank lines around the code', () => {
    const html = '\n      def f(x):\n          return x * 2\n\n      print(f(2))\n    ';
    expect(dedent(html)).toBe('def f(x):\n    return x * 2\n\nprint(f(2))');
  });

  it('keeps code that starts at the margin as it is', () => {
    expect(dedent('count = 0\nwhile True:\n    count += 1\n')).toBe(
      'count = 0\nwhile True:\n    count += 1',
    );
  });

  it('handles Windows line ends, tabs and whitespace-only lines', () => {
    expect(dedent('\r\n\tif x:\r\n\t\ty()\r\n  \r\n\tz()')).toBe('if x:\n\ty()\n\nz()');
  });

  it('keeps one-line code and empty code', () => {
    expect(dedent('print("hi")')).toBe('print("hi")');
    expect(dedent('   \n  ')).toBe('');
  });
});

describe('unknownAttributes', () => {
  it('names likely typos and lets standard and data- attributes be', () => {
    expect(
      unknownAttributes(['readony', 'theme', 'id', 'class', 'data-lang', 'aria-describedby', 'x']),
    ).toEqual(['readony', 'x']);
  });
});
