import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectors from './fixtures/packaging-vectors.json';
import { parseVersion, type ParsedVersion } from './pep440';
import { parseSpecifier, specifierMatches } from './specifier';
import { RangeFormatter } from './range-format';
import { specifierBounds, specifierToSet } from './specifier-set';
import { VersionCatalog } from './version-catalog';
import {
  after,
  before,
  complement,
  containsRank,
  exactly,
  FULL_SET,
  intersect,
  isFull,
  union,
  type VersionSet,
} from './version-set';

function version(text: string): ParsedVersion {
  const v = parseVersion(text);
  if (!v) throw new Error(text);
  return v;
}

/** A catalog and formatter for one package `pkg` listing `listed`, plus extra bound versions. */
function setup(listed: string[], extra: string[] = []) {
  const catalog = new VersionCatalog([...listed, ...extra].map(version));
  const known = [...new Set(listed.map((v) => catalog.requireRank(v)))].sort((a, b) => a - b);
  const formatter = new RangeFormatter(catalog, (name) => (name === 'pkg' ? known : []));
  const rank = (v: string) => catalog.requireRank(v);
  const setOf = (spec: string) => specifierToSet(parseSpecifier(spec), catalog, known);
  return { catalog, known, formatter, rank, setOf };
}

/** Reads printed text back with PEP 440 rules: disjuncts joined by " or "; "<empty>" is none. */
function reading(text: string, v: ParsedVersion): boolean {
  if (text === '<empty>') return false;
  return text.split(' or ').some((part) => specifierMatches(parseSpecifier(part), v));
}

describe('printing version sets as PEP 440 specifiers', () => {
  const { formatter, rank, setOf } = setup(
    ['1.0.0', '1.5', '2.0.0', '3.0.0', '4.0.0'],
    ['1.0', '2.0', '3.0', '2.9'],
  );
  const cases: [VersionSet, string][] = [
    [FULL_SET, ''],
    [setOf('>=1.0.0,<2.0.0'), '>=1.0.0,<2.0.0'],
    [setOf('==1.0.0'), '==1.0.0'],
    [setOf('>3.0.0'), '>3.0.0'],
    [setOf('<=2.0.0'), '<=2.0.0'],
    [setOf('!=1.5'), '!=1.5'],
    [setOf('>=1.0,!=1.5,<2.0'), '>=1.0.0,!=1.5,<2.0.0'],
    [union(setOf('<1.5'), setOf('>=3.0.0')), '<1.5 or >=3.0.0'],
    [union(setOf('==1.0.0'), setOf('==4.0.0')), '==1.0.0 or ==4.0.0'],
    [intersect(setOf('>=1.0'), complement(setOf('>=2.9'))), '>=1.0.0,<2.9'],
  ];
  for (const [set, text] of cases) {
    it(`prints ${text === '' ? 'any version as ""' : text}`, () => {
      expect(formatter.format('pkg', set)).toBe(text);
    });
  }

  it("uses the package's own spelling of a version it lists", () => {
    expect(formatter.format('pkg', [before(rank('1.0')), after(rank('2.0'))])).toBe(
      '>=1.0.0,<=2.0.0',
    );
  });
});

describe('pre-releases in printed ranges', () => {
  const listed = ['1.0', '1.1rc1', '1.1', '1.5', '2.0rc1', '2.0'];
  const { formatter, rank, setOf } = setup(listed);

  it('leaves out the holes that the pre-release rule already implies', () => {
    // `<2.0` excludes 2.0rc1 (a pre-release of 2.0) and `>=1.0` excludes 1.1rc1 (not named).
    expect(formatter.format('pkg', setOf('>=1.0,<2.0'))).toBe('>=1.0,<2.0');
    expect(formatter.format('pkg', setOf(''))).toBe('');
  });

  it('keeps them where the text alone would admit the pre-release', () => {
    expect(formatter.format('pkg', setOf('>=1.1rc1,!=2.0rc1'))).toBe('>=1.1rc1,!=2.0rc1');
  });

  it('states a listed pre-release a range includes but its text would not', () => {
    // The versions of a package from 1.0 up to (not including) 1.1: 1.0 and 1.1rc1.
    const run = [before(rank('1.0')), before(rank('1.1'))];
    const text = formatter.format('pkg', run);
    expect(text).toBe('>=1.0,<1.1 or ==1.1rc1');
  });

  it('prints text that reads back as the same set on every listed version', () => {
    const specs = vectors.cases.map((c) => c.specifier);
    const all = setup(
      vectors.versions,
      specs.flatMap((s) => specifierBounds(parseSpecifier(s)).map((v) => v.text)),
    );
    const pieces = fc.constantFrom(...specs).map((s) => all.setOf(s));
    const sets: fc.Arbitrary<VersionSet> = fc.letrec<{ set: VersionSet }>((tie) => ({
      set: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        pieces,
        fc.tuple(tie('set'), tie('set')).map(([a, b]) => intersect(a, b)),
        fc.tuple(tie('set'), tie('set')).map(([a, b]) => union(a, b)),
        tie('set').map(complement),
        fc.constantFrom(...all.known).map(exactly),
      ),
    })).set;
    fc.assert(
      fc.property(sets, (set) => {
        const text = all.formatter.format('pkg', set);
        // The one exception, by design: every version, pre-releases included, prints as "" too
        // (pub's "any", read as "every version of pkg"), though PEP 440 reads "" without them.
        if (isFull(set)) return;
        for (const r of all.known) {
          const v = all.catalog.version(r);
          expect(reading(text, v), `${text} at ${v.text}`).toBe(containsRank(set, r));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads the rank of 1.1rc1 as a pre-release', () => {
    expect(containsRank(setOf(''), rank('1.1rc1'))).toBe(false);
  });
});
