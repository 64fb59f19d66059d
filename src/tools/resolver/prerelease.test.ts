import { describe, expect, it } from 'vitest';
import { failed, solved } from './test-helpers';

describe('pre-releases: only where a specifier names one', () => {
  const app = { name: 'app', version: '1.0.0' };
  const versionOf = (problem: unknown, name: string) => solved(problem)[name];

  it('skips pre-releases for a specifier that names none', () => {
    const index = { a: { '1.0': {}, '2.0rc1': {}, '2.0.dev3': {} } };
    expect(versionOf({ root: app, requires: { a: '' }, index }, 'a')).toBe('1.0');
    expect(versionOf({ root: app, requires: { a: '!=1.5' }, index }, 'a')).toBe('1.0');
  });

  it('takes the newest pre-release when a specifier names one', () => {
    const index = { a: { '1.0': {}, '2.0rc1': {} } };
    expect(versionOf({ root: app, requires: { a: '>=2.0b1' }, index }, 'a')).toBe('2.0rc1');
  });

  it('never lets <V admit a pre-release of V, even when the set names a pre-release', () => {
    const index = { a: { '1.5': {}, '1.9b1': {}, '2.0rc1': {} } };
    expect(versionOf({ root: app, requires: { a: '>=1.0a1,<2.0' }, index }, 'a')).toBe('1.9b1');
  });

  it('applies the rule per specifier: one edge naming a pre-release does not open the others', () => {
    const problem = {
      root: app,
      requires: { a: '', c: '' },
      index: {
        a: { '1.0': { b: '>=1.0b1' } },
        c: { '1.0': { b: '>=1.0' } },
        b: { '1.0': {}, '2.0b1': {} },
      },
    };
    expect(solved(problem)).toEqual({ a: '1.0', b: '1.0', c: '1.0' });
  });

  it('uses a pre-release that a stable release depends on (pub: "will use pre-release ...")', () => {
    const problem = {
      root: app,
      requires: { a: '>=1.0.0,<2.0.0' },
      index: {
        a: { '1.0.0': { b: '>=1.0.0,<2.0.0' }, '1.1.0': { b: '>=1.1.0.dev0,<2.0.0' } },
        b: { '1.0.0': {}, '1.1.0.dev0': {} },
      },
    };
    expect(solved(problem)).toEqual({ a: '1.1.0', b: '1.1.0.dev0' });
  });

  it('says why nothing matches when a package has only pre-releases', () => {
    const problem = { root: app, requires: { a: '' }, index: { a: { '1.0rc1': {} } } };
    expect(failed(problem)).toBe(
      "Because app depends on a which doesn't match any versions (a has only pre-releases, and no specifier names one), version solving failed.",
    );
  });
});
