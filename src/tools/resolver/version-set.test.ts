import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  after,
  before,
  complement,
  containsRank,
  difference,
  EMPTY_SET,
  exactly,
  FULL_SET,
  intersect,
  isDisjoint,
  isSubset,
  ranksIn,
  setsEqual,
  union,
  type VersionSet,
} from './version-set';

/**
 * A model of version sets over `n` ranked versions: one flag per stretch of the line, namely
 * below version 0, each version, and each gap after a version (the gaps hold unlisted versions).
 * Stretch j (from -1) lies between cut j and cut j + 1.
 */
const N = 5;
const REGIONS = 2 * N + 1;

function fromFlags(flags: readonly boolean[]): VersionSet {
  const cuts: number[] = [];
  if (flags[0]) cuts.push(-Infinity);
  for (let j = 0; j < 2 * N; j++) if (flags[j + 1] !== flags[j]) cuts.push(j);
  if (flags[REGIONS - 1]) cuts.push(Infinity);
  return cuts;
}

function flagsOf(set: VersionSet): boolean[] {
  return Array.from({ length: REGIONS }, (_, i) => {
    const x = i - 1 + 0.5;
    return set.filter((c) => c <= x).length % 2 === 1;
  });
}

const flags = fc.array(fc.boolean(), { minLength: REGIONS, maxLength: REGIONS });

describe('version sets', () => {
  it('keep one canonical form: every operation equals the model, cut for cut', () => {
    fc.assert(
      fc.property(flags, flags, (fa, fb) => {
        const a = fromFlags(fa);
        const b = fromFlags(fb);
        expect(intersect(a, b)).toEqual(fromFlags(fa.map((x, i) => x && (fb[i] ?? false))));
        expect(union(a, b)).toEqual(fromFlags(fa.map((x, i) => x || (fb[i] ?? false))));
        expect(difference(a, b)).toEqual(fromFlags(fa.map((x, i) => x && !fb[i])));
        expect(complement(a)).toEqual(fromFlags(fa.map((x) => !x)));
        expect(complement(complement(a))).toEqual(a);
        expect(isSubset(a, b)).toBe(fa.every((x, i) => !x || fb[i]));
        expect(isDisjoint(a, b)).toBe(fa.every((x, i) => !(x && fb[i])));
        expect(setsEqual(a, b)).toBe(fa.every((x, i) => x === fb[i]));
      }),
      { numRuns: 500 },
    );
  });

  it('answer membership of ranked versions, one by one and in bulk', () => {
    fc.assert(
      fc.property(flags, (f) => {
        const set = fromFlags(f);
        const ranks = Array.from({ length: N }, (_, r) => r);
        for (const r of ranks) expect(containsRank(set, r)).toBe(f[2 * r + 1]);
        expect(ranksIn(set, ranks)).toEqual(ranks.filter((r) => f[2 * r + 1]));
      }),
    );
  });

  it('encode >=, >, <, <= and == as cuts on either side of a version', () => {
    const ge2 = [before(2), Infinity];
    const gt2 = [after(2), Infinity];
    expect(flagsOf(ge2).slice(1)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(containsRank(gt2, 2)).toBe(false);
    expect(containsRank(gt2, 3)).toBe(true);
    expect(intersect(ge2, complement(gt2))).toEqual(exactly(2));
    // `2 <= v < 2` is empty; `>2` and `<=2` do not touch, `>=2` and `<2` neither.
    expect(intersect(ge2, [-Infinity, before(2)])).toEqual(EMPTY_SET);
    expect(union(gt2, [-Infinity, after(2)])).toEqual(FULL_SET);
  });

  it('keep the stretch between two listed versions (an unlisted version may live there)', () => {
    const gap = intersect([after(1), Infinity], [-Infinity, before(2)]);
    expect(gap).toEqual([after(1), before(2)]);
    expect(ranksIn(gap, [0, 1, 2, 3])).toEqual([]);
    expect(isSubset(gap, EMPTY_SET)).toBe(false);
  });
});
