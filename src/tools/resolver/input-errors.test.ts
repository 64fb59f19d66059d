import { describe, expect, it } from 'vitest';
import { ResolverInputError } from './errors';
import { solveNaive } from './naive';
import { solve } from './solver';

const root = { name: 'app', version: '1.0.0' };

function inputError(problem: unknown): ResolverInputError {
  try {
    solve(problem);
  } catch (error) {
    if (error instanceof ResolverInputError) return error;
    throw error;
  }
  throw new Error('expected a ResolverInputError');
}

describe('bad input', () => {
  it('rejects a malformed problem shape, naming where', () => {
    expect(inputError({ requires: {}, index: {} }).message).toMatch(/Malformed problem at root/);
    expect(
      inputError({ root: { name: 'app', version: 1 }, requires: {}, index: {} }).message,
    ).toMatch(/at root\.version/);
    expect(inputError({ root, requires: { a: 1 }, index: {} }).message).toMatch(/at requires\.a/);
    expect(inputError({ root, requires: {}, index: { a: { '1.0': ['b'] } } }).message).toMatch(
      /at index\.a\.1\.0/,
    );
    expect(inputError({ root, requires: {}, index: {}, extra: true }).message).toMatch(/Malformed/);
    expect(inputError(null).message).toMatch(/Malformed problem at the problem/);
  });

  it('names the package, version and specifier of an unknown specifier syntax', () => {
    const error = inputError({
      root,
      requires: { a: '' },
      index: { a: { '1.0.0': { b: '>>1' } } },
    });
    expect(error.message).toBe(
      'a 1.0.0 depends on b ">>1", an invalid specifier: ">>1" is not a PEP 440 specifier clause (an operator and a version)',
    );
    expect(error.details).toEqual({ package: 'a', version: '1.0.0', specifier: '>>1' });
    const fromRoot = inputError({ root, requires: { a: '~=1' }, index: {} });
    expect(fromRoot.message).toMatch(
      /^app 1\.0\.0 depends on a "~=1", an invalid specifier: .*two release numbers/,
    );
    expect(inputError({ root, requires: { a: '===1.0' }, index: {} }).message).toMatch(
      /"===" is not supported/,
    );
  });

  it('rejects versions that are not PEP 440', () => {
    const error = inputError({ root, requires: {}, index: { a: { '1.x': {} } } });
    expect(error.message).toBe('a has "1.x", which is not a PEP 440 version');
    expect(
      inputError({ root: { name: 'app', version: 'latest' }, requires: {}, index: {} }).details,
    ).toEqual({
      package: 'app',
      version: 'latest',
    });
  });

  it('rejects a version listed twice under two spellings', () => {
    expect(
      inputError({ root, requires: {}, index: { a: { '1.0': {}, '1.0.0': {} } } }).message,
    ).toBe('a lists version 1.0.0 twice (PEP 440 equal)');
  });

  it('rejects invalid and ambiguous package names', () => {
    expect(inputError({ root, requires: { 'no spaces': '' }, index: {} }).message).toMatch(
      /"no spaces" is not a valid package name/,
    );
    expect(inputError({ root, requires: {}, index: { Foo_Bar: {}, 'foo-bar': {} } }).message).toBe(
      '"Foo_Bar" and "foo-bar" name the same package (PEP 503)',
    );
    expect(inputError({ root, requires: { Foo: '' }, index: { foo: { '1': {} } } }).message).toBe(
      'app 1.0.0 requires names "Foo", but the package is spelled "foo"',
    );
  });

  it('rejects a root that requires itself or also appears in the index', () => {
    expect(inputError({ root, requires: { app: '' }, index: {} }).message).toBe(
      'app 1.0.0 requires itself',
    );
    expect(inputError({ root, requires: {}, index: { app: { '1.0.0': {} } } }).message).toMatch(
      /The index lists the root package "app"/,
    );
  });

  it('reports the same errors from the naive solver', () => {
    expect(() => solveNaive({ root, requires: { a: '>>1' }, index: {} })).toThrow(
      ResolverInputError,
    );
  });
});

describe('legal input that has no solution (not an input error)', () => {
  it('explains requirements on an empty index', () => {
    const result = solve({ root, requires: { a: '>=1' }, index: {} });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.explanation).toBe(
      "Because a doesn't exist in the index and app depends on a >=1, version solving failed.",
    );
  });

  it('explains a dependency on the root package that the root version does not match', () => {
    const result = solve({ root, requires: { a: '' }, index: { a: { '1.0.0': { app: '>=2' } } } });
    expect(!result.ok && result.explanation).toBe(
      'Because app depends on a which depends on app >=2, app >=2 is required.\nSo, because app is 1.0.0, version solving failed.',
    );
  });

  it('solves around such a dependency when another version works', () => {
    const result = solve({
      root,
      requires: { a: '' },
      index: { a: { '1.0.0': {}, '2.0.0': { app: '>=2' } } },
    });
    expect(result.ok && result.solution).toEqual({ a: '1.0.0' });
  });
});
