import {
  difference,
  intersect,
  isDisjoint,
  isEmpty,
  isSubset,
  union,
  type VersionSet,
} from './version-set';

/**
 * A statement about one package. Positive `foo R`: some version of foo in R is selected.
 * Negative `not foo R`: no version of foo in R is selected, which also holds when foo is not
 * selected at all. As sets over `versions(foo) ∪ {absent}` a positive term is R and a negative one
 * is `complement(R) ∪ {absent}`; every operation below is that set algebra.
 */
export interface Term {
  readonly name: string;
  readonly positive: boolean;
  readonly set: VersionSet;
}

export type Relation = 'subset' | 'disjoint' | 'overlapping';

export function term(name: string, positive: boolean, set: VersionSet): Term {
  return { name, positive, set };
}

export function inverse(t: Term): Term {
  return { name: t.name, positive: !t.positive, set: t.set };
}

/** How the versions `a` allows relate to those `b` allows (both about the same package). */
export function relation(a: Term, b: Term): Relation {
  if (b.positive) {
    if (a.positive) {
      if (isSubset(a.set, b.set)) return 'subset';
      return isDisjoint(a.set, b.set) ? 'disjoint' : 'overlapping';
    }
    // `not R` always allows "absent", which `b` does not, so it is never a subset.
    return isSubset(b.set, a.set) ? 'disjoint' : 'overlapping';
  }
  if (a.positive) {
    if (isDisjoint(a.set, b.set)) return 'subset';
    return isSubset(a.set, b.set) ? 'disjoint' : 'overlapping';
  }
  // Both allow "absent", so they are never disjoint.
  return isSubset(b.set, a.set) ? 'subset' : 'overlapping';
}

export function satisfies(a: Term, b: Term): boolean {
  return a.name === b.name && relation(a, b) === 'subset';
}

export function intersectTerms(a: Term, b: Term): Term {
  if (a.positive && b.positive) return term(a.name, true, intersect(a.set, b.set));
  if (a.positive) return term(a.name, true, difference(a.set, b.set));
  if (b.positive) return term(a.name, true, difference(b.set, a.set));
  return term(a.name, false, union(a.set, b.set));
}

/** The versions `a` allows and `b` does not; null when there are none. */
export function differenceTerms(a: Term, b: Term): Term | null {
  const d = intersectTerms(a, inverse(b));
  return d.positive && isEmpty(d.set) ? null : d;
}
