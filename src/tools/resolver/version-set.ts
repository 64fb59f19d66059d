/**
 * Version sets as canonical, sorted, merged, disjoint intervals.
 *
 * A set is the sorted list of its boundary "cuts"; the versions between cut 0 and cut 1, cut 2 and
 * cut 3, ... belong to it. With versions ranked 0..n-1 by a `VersionCatalog`, the cut just below
 * version r is 2r and the cut just above it is 2r + 1, so `>=v` starts at `before(v)`, `>v` at
 * `after(v)`, `<v` ends at `before(v)` and `<=v` at `after(v)`. The space between two ranked
 * versions is not empty (PEP 440 always has versions in between), which keeps the algebra exact
 * for specifier bounds that no listed version hits. Cuts are strictly increasing, so every set has
 * exactly one representation and equality is element-wise.
 */
export type VersionSet = readonly number[];

export const EMPTY_SET: VersionSet = [];
export const FULL_SET: VersionSet = [-Infinity, Infinity];

export const before = (rank: number): number => 2 * rank;
export const after = (rank: number): number => 2 * rank + 1;
/** The version whose neighbourhood holds this cut, and on which side. */
export const rankOfCut = (cut: number): number => Math.floor(cut / 2);
export const isAfterCut = (cut: number): boolean => cut % 2 === 1;

export function exactly(rank: number): VersionSet {
  return [before(rank), after(rank)];
}

/** Versions from cut `lo` (inclusive side encoded in the cut) up to cut `hi`. */
export function between(lo: number, hi: number): VersionSet {
  return lo < hi ? [lo, hi] : EMPTY_SET;
}

export function isEmpty(set: VersionSet): boolean {
  return set.length === 0;
}

export function isFull(set: VersionSet): boolean {
  return set.length === 2 && set[0] === -Infinity && set[1] === Infinity;
}

export function setsEqual(a: VersionSet, b: VersionSet): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function containsRank(set: VersionSet, rank: number): boolean {
  // Inside iff an odd number of cuts lie at or below the version's position.
  const x = before(rank) + 0.5;
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((set[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo % 2 === 1;
}

type Op = (inA: boolean, inB: boolean) => boolean;

/** One sweep over both cut lists, emitting a cut wherever `op` changes value. */
function combine(a: VersionSet, b: VersionSet, op: Op): VersionSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let inA = false;
  let inB = false;
  let inOut = false;
  while (i < a.length || j < b.length) {
    const ca = i < a.length ? (a[i] ?? 0) : Infinity;
    const cb = j < b.length ? (b[j] ?? 0) : Infinity;
    const useA = i < a.length && (j >= b.length || ca <= cb);
    const x = useA ? ca : cb;
    if (i < a.length && ca === x) {
      inA = !inA;
      i++;
    }
    if (j < b.length && cb === x) {
      inB = !inB;
      j++;
    }
    const now = op(inA, inB);
    if (now !== inOut) {
      out.push(x);
      inOut = now;
    }
  }
  return out;
}

/** Whether some non-empty stretch of versions has `inA`/`inB` making `pred` true. */
function someRegion(a: VersionSet, b: VersionSet, pred: Op): boolean {
  let i = 0;
  let j = 0;
  let inA = false;
  let inB = false;
  while (i < a.length || j < b.length) {
    const ca = i < a.length ? (a[i] ?? 0) : Infinity;
    const cb = j < b.length ? (b[j] ?? 0) : Infinity;
    const useA = i < a.length && (j >= b.length || ca <= cb);
    const x = useA ? ca : cb;
    if (i < a.length && ca === x) {
      inA = !inA;
      i++;
    }
    if (j < b.length && cb === x) {
      inB = !inB;
      j++;
    }
    // The stretch after +Infinity is empty, and there both flags are false anyway.
    if (x !== Infinity && pred(inA, inB)) return true;
  }
  return false;
}

const andOp: Op = (a, b) => a && b;
const orOp: Op = (a, b) => a || b;
const minusOp: Op = (a, b) => a && !b;

export function intersect(a: VersionSet, b: VersionSet): VersionSet {
  if (isFull(a)) return b;
  if (isFull(b)) return a;
  return combine(a, b, andOp);
}

export function union(a: VersionSet, b: VersionSet): VersionSet {
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  return combine(a, b, orOp);
}

export function difference(a: VersionSet, b: VersionSet): VersionSet {
  if (isEmpty(b)) return a;
  return combine(a, b, minusOp);
}

export function complement(set: VersionSet): VersionSet {
  if (set.length === 0) return FULL_SET;
  const out = set[0] === -Infinity ? set.slice(1) : [-Infinity, ...set];
  if (out[out.length - 1] === Infinity) out.pop();
  else out.push(Infinity);
  return out;
}

export function isSubset(a: VersionSet, b: VersionSet): boolean {
  if (a === b || isEmpty(a) || isFull(b)) return true;
  return !someRegion(a, b, minusOp);
}

export function isDisjoint(a: VersionSet, b: VersionSet): boolean {
  if (isEmpty(a) || isEmpty(b)) return true;
  return !someRegion(a, b, andOp);
}

/** Ranks of `sortedRanks` (ascending) that the set contains, without a per-rank search. */
export function ranksIn(set: VersionSet, sortedRanks: readonly number[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (const rank of sortedRanks) {
    const x = before(rank) + 0.5;
    while (k < set.length && (set[k] ?? Infinity) <= x) k++;
    if (k % 2 === 1) out.push(rank);
  }
  return out;
}
