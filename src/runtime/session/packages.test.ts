import { describe, expect, it } from 'vitest';
import { describeLoadFailure, packagesForImports, type LockPackage } from './packages';

const lock: Record<string, LockPackage> = {
  numpy: { name: 'numpy', imports: ['numpy'], depends: [] },
  'pydantic-core': { name: 'pydantic_core', imports: ['pydantic_core'], depends: [] },
  pydantic: { name: 'pydantic', imports: ['pydantic'], depends: ['pydantic_core'] },
  beautifulsoup4: { name: 'beautifulsoup4', imports: ['bs4'], depends: [] },
};

describe('packagesForImports', () => {
  it('maps import names to package names, once each, sorted', () => {
    expect(packagesForImports(['bs4', 'numpy', 'os', 'numpy', 'pydantic'], lock)).toEqual([
      'beautifulsoup4',
      'numpy',
      'pydantic',
    ]);
  });
});

describe('describeLoadFailure', () => {
  it('groups Pyodide error lines by reason and names the packages', () => {
    const errors = [
      'The following error occurred while loading requests:',
      'fetch failed',
      'The following error occurred while loading idna:\nfetch failed',
      'The following error occurred while loading certifi:\nIntegrity check failed',
    ];
    expect(describeLoadFailure(['requests'], errors, 'https://cdn.example/')).toBe(
      'Could not load the package requests from https://cdn.example/: fetch failed (while loading requests, idna); Integrity check failed (while loading certifi)',
    );
  });

  it('says something useful without error lines', () => {
    expect(describeLoadFailure(['a', 'b'], [], '/pkgs/')).toBe(
      'Could not load the packages a, b from /pkgs/: the package source did not provide it',
    );
  });
});
