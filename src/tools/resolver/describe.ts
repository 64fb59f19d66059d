import type { Incompatibility } from './incompatibility';
import type { RangeFormatter } from './range-format';
import { inverse, satisfies, type Term } from './term';
import { setsEqual } from './version-set';

/**
 * Sentences for incompatibilities, following pub's wording rules (solver.md, incompatibility.dart)
 * with PEP 440 ranges: "every version of foo" for foo with any version, the root by its bare name,
 * and the combined forms "depends on both", "which depends on", "which doesn't match any versions".
 */
export class Describer {
  readonly #ranges: RangeFormatter;
  readonly #rootName: string;
  readonly #rootVersion: string;
  readonly #versionCount: (name: string) => number;

  constructor(
    ranges: RangeFormatter,
    root: { name: string; version: string },
    versionCount: (name: string) => number,
  ) {
    this.#ranges = ranges;
    this.#rootName = root.name;
    this.#rootVersion = root.version;
    this.#versionCount = versionCount;
  }

  range(t: Term): string {
    return this.#ranges.format(t.name, t.set);
  }

  /** `foo >=1.0`, `foo` for any version, or `every version of foo` where pub says so. */
  terse(t: Term, allowEvery = false): string {
    if (t.positive && t.name === this.#rootName) return t.name;
    const range = this.range(t);
    if (range !== '') return `${t.name} ${range}`;
    return allowEvery ? `every version of ${t.name}` : t.name;
  }

  /** `foo >=1.0`, `not bar` (any version), for step traces. */
  termText(t: Term): string {
    const range = this.range(t);
    return `${t.positive ? '' : 'not '}${t.name}${range === '' ? '' : ` ${range}`}`;
  }

  #noVersions(t: Term): string {
    const range = this.range(t);
    if (range !== '') return `no versions of ${t.name} match ${range}`;
    if (this.#versionCount(t.name) === 0) return `${t.name} has no versions`;
    return `no versions of ${t.name} match${this.#onlyPrereleases(t)}`;
  }

  /**
   * A range that prints as "" yet matches nothing can only be "any final release" of a package
   * that lists nothing but pre-releases; say so, since "a which doesn't match any versions" alone
   * looks wrong when the index lists versions of a.
   */
  #onlyPrereleases(t: Term): string {
    if (this.range(t) !== '' || this.#versionCount(t.name) === 0) return '';
    return ` (${t.name} has only pre-releases, and no specifier names one)`;
  }

  describe(inc: Incompatibility): string {
    const [first, second] = inc.terms;
    switch (inc.cause.kind) {
      case 'dependency':
        if (first && second) return `${this.terse(first, true)} depends on ${this.terse(second)}`;
        break;
      case 'unusable':
        if (first) return `${this.terse(first, true)} ${inc.cause.reason}`;
        break;
      case 'no-versions':
        if (first) return this.#noVersions(first);
        break;
      case 'not-found':
        if (first) return `${first.name} doesn't exist in the index`;
        break;
      case 'root':
        if (first) return `${first.name} is ${this.#rootVersion}`;
        break;
      case 'derived':
        if (inc.isFailure(this.#rootName)) return 'version solving failed';
    }
    return this.#generic(inc.terms);
  }

  #generic(terms: readonly Term[]): string {
    const [first, second] = terms;
    if (first && terms.length === 1) {
      return `${this.terse(first)} is ${first.positive ? 'forbidden' : 'required'}`;
    }
    if (first && second && terms.length === 2 && first.positive === second.positive) {
      return first.positive
        ? `${this.terse(first)} is incompatible with ${this.terse(second)}`
        : `either ${this.terse(first)} or ${this.terse(second)}`;
    }
    const positive = terms.filter((t) => t.positive);
    const negative = terms.filter((t) => !t.positive).map((t) => this.terse(t));
    const onlyPositive = positive.length === 1 ? positive[0] : undefined;
    if (positive.length > 0 && negative.length > 0) {
      return onlyPositive
        ? `${this.terse(onlyPositive, true)} requires ${negative.join(' or ')}`
        : `if ${positive.map((t) => this.terse(t)).join(' and ')} then ${negative.join(' or ')}`;
    }
    return positive.length > 0
      ? `one of ${positive.map((t) => this.terse(t)).join(' or ')} must be false`
      : `one of ${negative.join(' or ')} must be true`;
  }

  /** "`a` and `b`" in one clause, with the line numbers of already-written derivations. */
  and(a: Incompatibility, b: Incompatibility, aLine?: number, bLine?: number): string {
    const plain =
      this.#requiresBoth(a, b, aLine, bLine) ??
      this.#requiresThrough(a, b, aLine, bLine) ??
      this.#requiresForbidden(a, b, aLine, bLine);
    if (plain !== null) return plain;
    // A missing package is stated first, whichever side it comes from (see #requiresForbidden).
    const [first, firstLine, second, secondLine] =
      b.cause.kind === 'not-found' && a.cause.kind !== 'not-found'
        ? [b, bLine, a, aLine]
        : [a, aLine, b, bLine];
    return `${this.describe(first)}${ref(firstLine)} and ${this.describe(second)}${ref(secondLine)}`;
  }

  #requiresBoth(a: Incompatibility, b: Incompatibility, aLine?: number, bLine?: number) {
    if (a.terms.length === 1 || b.terms.length === 1) return null;
    const aPositive = single(a.terms, (t) => t.positive);
    const bPositive = single(b.terms, (t) => t.positive);
    if (!aPositive || !bPositive || aPositive.name !== bPositive.name) return null;
    if (!setsEqual(aPositive.set, bPositive.set)) return null;
    const negatives = (inc: Incompatibility) =>
      inc.terms
        .filter((t) => !t.positive)
        .map((t) => this.terse(t))
        .join(' or ');
    const verb =
      a.cause.kind === 'dependency' && b.cause.kind === 'dependency' ? 'depends on' : 'requires';
    return `${this.terse(aPositive, true)} ${verb} both ${negatives(a)}${ref(aLine)} and ${negatives(b)}${ref(bLine)}`;
  }

  #requiresThrough(a: Incompatibility, b: Incompatibility, aLine?: number, bLine?: number) {
    if (a.terms.length === 1 || b.terms.length === 1) return null;
    const aNegative = single(a.terms, (t) => !t.positive);
    const bNegative = single(b.terms, (t) => !t.positive);
    if (!aNegative && !bNegative) return null;
    const aPositive = single(a.terms, (t) => t.positive);
    const bPositive = single(b.terms, (t) => t.positive);
    let prior: Incompatibility, priorNegative: Term, priorLine: number | undefined;
    let latter: Incompatibility, latterLine: number | undefined;
    if (aNegative && bPositive && satisfies(inverse(aNegative), bPositive)) {
      [prior, priorNegative, priorLine, latter, latterLine] = [a, aNegative, aLine, b, bLine];
    } else if (bNegative && aPositive && satisfies(inverse(bNegative), aPositive)) {
      [prior, priorNegative, priorLine, latter, latterLine] = [b, bNegative, bLine, a, aLine];
    } else {
      return null;
    }
    const head = this.#subject(prior);
    const latterVerb = latter.cause.kind === 'dependency' ? 'depends on' : 'requires';
    const latterNegatives = latter.terms
      .filter((t) => !t.positive)
      .map((t) => this.terse(t))
      .join(' or ');
    return `${head}${this.terse(priorNegative)}${ref(priorLine)} which ${latterVerb} ${latterNegatives}${ref(latterLine)}`;
  }

  /** "P R depends on " / "P R requires " / "if P R or Q S then ". */
  #subject(prior: Incompatibility): string {
    const positives = prior.terms.filter((t) => t.positive);
    const [first] = positives;
    if (positives.length !== 1 || !first) {
      return `if ${positives.map((t) => this.terse(t)).join(' or ')} then `;
    }
    const verb = prior.cause.kind === 'dependency' ? 'depends on' : 'requires';
    return `${this.terse(first, true)} ${verb} `;
  }

  #requiresForbidden(a: Incompatibility, b: Incompatibility, aLine?: number, bLine?: number) {
    if (a.terms.length !== 1 && b.terms.length !== 1) return null;
    const [prior, priorLine, latter, latterLine] =
      a.terms.length === 1 ? [b, bLine, a, aLine] : [a, aLine, b, bLine];
    // Deliberate divergence from pub: a missing package is stated first, as uv does
    // ("a doesn't exist in the index and root depends on a"), which the examples expect.
    if (latter.cause.kind === 'not-found') return null;
    const negative = single(prior.terms, (t) => !t.positive);
    const [target] = latter.terms;
    if (!negative || !target || !satisfies(inverse(negative), target)) return null;
    // pub assumes the prior has a positive term (it would crash on "foo R is required" here).
    if (!prior.terms.some((t) => t.positive)) return null;
    let why = 'which is forbidden';
    if (latter.cause.kind === 'no-versions') {
      why = `which doesn't match any versions${this.#onlyPrereleases(target)}`;
    } else if (latter.cause.kind === 'unusable') why = `which ${latter.cause.reason}`;
    return `${this.#subject(prior)}${this.terse(target)}${ref(priorLine)} ${why}${ref(latterLine)}`;
  }
}

function ref(line: number | undefined): string {
  return line === undefined ? '' : ` (${line})`;
}

function single(terms: readonly Term[], test: (t: Term) => boolean): Term | undefined {
  let found: Term | undefined;
  for (const t of terms) {
    if (!test(t)) continue;
    if (found) return undefined;
    found = t;
  }
  return found;
}
