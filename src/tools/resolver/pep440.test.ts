import { compare } from '@renovatebot/pep440';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectors from './fixtures/packaging-vectors.json';
import { compareVersions, parseVersion } from './pep440';
import { parseSpecifier, specifierMatches } from './specifier';
import { specifierBounds, specifierToSet } from './specifier-set';
import { VersionCatalog } from './version-catalog';
import { containsRank } from './version-set';

function version(text: string) {
  const v = parseVersion(text);
  if (!v) throw new Error(text);
  return v;
}

const matches = (spec: string, v: string) => specifierMatches(parseSpecifier(spec), version(v));

describe('PEP 440 specifiers, read as packaging (pip) reads them', () => {
  // [specifier, version, expected]; from PEP 440 and packaging's documented behaviour.
  const table: [string, string, boolean][] = [
    ['==1.2.*', '1.2', true],
    ['==1.2.*', '1.2.0', true],
    ['==1.2.*', '1.2.9.1', true],
    ['==1.2.*', '1.2.post1', true],
    ['==1.2.*', '1.2+local', true],
    ['==1.2.*', '1.3', false],
    ['==1.2.*', '1.20', false],
    ['==1.2.*', '1.2.0rc1', false],
    ['==1.0.*', '1', true],
    ['!=1.2.*', '1.3', true],
    ['!=1.2.*', '1.2.5', false],
    ['~=1.4.5', '1.4.5', true],
    ['~=1.4.5', '1.4.9', true],
    ['~=1.4.5', '1.5.0', false],
    ['~=1.4.5', '1.4.4', false],
    ['~=2.2', '2.2', true],
    ['~=2.2', '2.9', true],
    ['~=2.2', '3.0', false],
    ['<2.0', '1.9', true],
    ['<2.0', '1.9.post1', true],
    ['<2.0', '2.0rc1', false],
    ['<2.0', '2.0.dev1', false],
    ['>=1.0a1,<2.0', '1.5b1', true],
    ['>=1.0a1,<2.0', '2.0rc1', false],
    ['>=1.0a1,<2.0', '2.0', false],
    ['<2.0rc2', '2.0rc1', true],
    ['>2.0', '2.0.post1', false],
    ['>2.0', '2.0+local', false],
    ['>2.0', '2.0.1', true],
    ['>2.0.post1', '2.0.post2', true],
    ['<=2.0', '2.0+local', true],
    ['==2.0', '2.0+local', true],
    ['==2.0', '2.0.0', true],
    ['==2.0+abc', '2.0', false],
    ['==2.0+abc', '2.0+abc', true],
    ['', '1.0', true],
    ['', '1.0rc1', false],
    ['', '1.0.dev0', false],
    ['', '1.0.post1', true],
    ['!=1.5', '1.5rc1', false],
    ['!=1.5', '1.6', true],
    ['>=1.0.dev0', '1.0.dev0', true],
    ['>=1!1.0', '2.0', false],
    ['>=1!1.0', '1!1.1', true],
    ['>= 1.0 , < 2.0', '1.5', true],
  ];
  for (const [spec, v, expected] of table) {
    it(`"${spec}" ${expected ? 'matches' : 'does not match'} ${v}`, () => {
      expect(matches(spec, v)).toBe(expected);
    });
  }

  for (const bad of [
    '>>1',
    '~=1',
    '>=1.0+local',
    '===foo',
    '==1.0rc1.*',
    '>=1.0.*',
    '>=1.0,',
    'foo',
    '>=x',
  ]) {
    it(`rejects "${bad}"`, () => {
      expect(() => parseSpecifier(bad)).toThrow();
    });
  }
});

const versionText = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', 'a1', 'b2', 'rc1', '.post1', '.dev0', '+local', '.post2.dev1'),
  )
  .map(([release, suffix]) => `${release.join('.')}${suffix}`);

const clauseText = fc.oneof(
  fc
    .tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), versionText)
    .map(([op, v]) =>
      op === '==' || op === '!=' ? `${op}${v}` : `${op}${v.replace(/\+.*$/, '')}`,
    ),
  fc
    .array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 2 })
    .chain((r) =>
      fc.constantFrom(`==${r.join('.')}.*`, `!=${r.join('.')}.*`, `~=${[...r, 0].join('.')}`),
    ),
);
export const specifierText = fc
  .array(clauseText, { minLength: 0, maxLength: 3 })
  .map((clauses) => clauses.join(','));

describe('PEP 440 versions', () => {
  it('order exactly as @renovatebot/pep440 orders them (with the plain-release shortcut)', () => {
    fc.assert(
      fc.property(versionText, versionText, (a, b) => {
        expect(Math.sign(compareVersions(version(a), version(b)))).toBe(Math.sign(compare(a, b)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('specifier sets', () => {
  it('agree with packaging on every listed version, pre-releases and local versions included', () => {
    fc.assert(
      fc.property(specifierText, fc.uniqueArray(versionText, { maxLength: 8 }), (spec, listed) => {
        const parsed = parseSpecifier(spec);
        const versions = listed.map(version);
        const catalog = new VersionCatalog([...versions, ...specifierBounds(parsed)]);
        const known = [...new Set(versions.map((v) => catalog.requireRank(v.text)))].sort(
          (a, b) => a - b,
        );
        const set = specifierToSet(parsed, catalog, known);
        for (const v of versions) {
          expect(containsRank(set, catalog.requireRank(v.text)), `${spec} vs ${v.text}`).toBe(
            specifierMatches(parsed, v),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('read `==1.2.*` and `~=1.2.3` as intervals, so unlisted versions between are included', () => {
    const catalog = new VersionCatalog(['1.2', '1.3', '1.2.3', '1.4', '1.2.7'].map(version));
    const wildcard = specifierToSet(parseSpecifier('==1.2.*'), catalog, []);
    const compatible = specifierToSet(parseSpecifier('~=1.2.3'), catalog, []);
    const rank = (t: string) => catalog.requireRank(t);
    expect(containsRank(wildcard, rank('1.2.7'))).toBe(true);
    expect(containsRank(wildcard, rank('1.3'))).toBe(false);
    expect(containsRank(compatible, rank('1.2.7'))).toBe(true);
    expect(containsRank(compatible, rank('1.2'))).toBe(false);
  });
});

describe('packaging-vectors.json (generated with the real packaging library)', () => {
  const listed = vectors.versions.map(version);
  for (const c of vectors.cases) {
    it(`"${c.specifier}"`, () => {
      const parsed = parseSpecifier(c.specifier);
      expect(
        vectors.versions.filter((_, i) => specifierMatches(parsed, listed[i] ?? version('0'))),
      ).toEqual(c.matches);
      // The compiled set, read through the version-set algebra, agrees as well.
      const catalog = new VersionCatalog([...specifierBounds(parsed), ...listed]);
      const known = [...new Set(listed.map((v) => catalog.requireRank(v.text)))].sort(
        (a, b) => a - b,
      );
      const set = specifierToSet(parsed, catalog, known);
      expect(vectors.versions.filter((v) => containsRank(set, catalog.requireRank(v)))).toEqual(
        c.matches,
      );
    });
  }
});
