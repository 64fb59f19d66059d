import { intersectTerms, type Term } from './term';

/** Facts read from the problem: the leaves of every proof. */
export type ExternalCause =
  | { readonly kind: 'root' }
  | { readonly kind: 'dependency' }
  | { readonly kind: 'no-versions' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unusable'; readonly reason: string };

export interface DerivedCause {
  readonly kind: 'derived';
  /** The incompatibility being resolved (pub's `conflict`). */
  readonly conflict: Incompatibility;
  /** The cause of the satisfier it was resolved against (pub's `other`). */
  readonly other: Incompatibility;
}

export type IncompatibilityCause = ExternalCause | DerivedCause;
export type IncompatibilityKind = IncompatibilityCause['kind'];

/** A set of terms that must not all be true at once. */
export class Incompatibility {
  readonly id: number;
  readonly terms: readonly Term[];
  readonly cause: IncompatibilityCause;

  constructor(id: number, terms: readonly Term[], cause: IncompatibilityCause) {
    this.id = id;
    this.terms = terms;
    this.cause = cause;
  }

  get derived(): DerivedCause | null {
    return this.cause.kind === 'derived' ? this.cause : null;
  }

  /** `{}` or `{root}`: the root cannot be selected, so there is no solution. */
  isFailure(rootName: string): boolean {
    if (this.terms.length === 0) return true;
    const only = this.terms.length === 1 ? this.terms[0] : undefined;
    return only !== undefined && only.positive && only.name === rootName;
  }

  termFor(name: string): Term | undefined {
    return this.terms.find((t) => t.name === name);
  }
}

/**
 * pub's normalisation of a derived incompatibility: with more than one term, positive root terms
 * go (they are always true, and keeping them out puts the root at the end of proofs); then terms
 * about the same package are intersected, in order of first appearance.
 */
export function normaliseDerivedTerms(terms: readonly Term[], rootName: string): Term[] {
  let out = [...terms];
  if (out.length !== 1 && out.some((t) => t.positive && t.name === rootName)) {
    out = out.filter((t) => !(t.positive && t.name === rootName));
  }
  if (out.length <= 1) return out;
  const byName = new Map<string, Term>();
  for (const t of out) {
    const previous = byName.get(t.name);
    byName.set(t.name, previous ? intersectTerms(previous, t) : t);
  }
  return [...byName.values()];
}
