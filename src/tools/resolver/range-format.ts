import { specifierMatches, type Clause, type Operator, type ParsedSpecifier } from './specifier';
import type { VersionCatalog } from './version-catalog';
import {
  containsRank,
  isAfterCut,
  isEmpty,
  isFull,
  rankOfCut,
  type VersionSet,
} from './version-set';

interface Piece {
  clauses: { op: Operator; rank: number }[];
  /** Where the piece starts, to keep pieces in version order. */
  start: number;
}

/** One interval, or several separated only by single excluded versions (those become `!=`). */
function toPieces(set: VersionSet): Piece[] {
  const pieces: Piece[] = [];
  let holes: number[] = [];
  let lo = NaN;
  const flush = (hi: number) => {
    const clauses: Piece['clauses'] = [];
    if (holes.length === 0 && Number.isFinite(lo) && hi === lo + 1 && !isAfterCut(lo)) {
      clauses.push({ op: '==', rank: rankOfCut(lo) });
    } else {
      if (lo !== -Infinity) clauses.push({ op: isAfterCut(lo) ? '>' : '>=', rank: rankOfCut(lo) });
      for (const h of holes) clauses.push({ op: '!=', rank: h });
      if (hi !== Infinity) clauses.push({ op: isAfterCut(hi) ? '<=' : '<', rank: rankOfCut(hi) });
    }
    pieces.push({ clauses, start: lo });
  };
  for (let i = 0; i < set.length; i += 2) {
    const start = set[i] ?? 0;
    const end = set[i + 1] ?? 0;
    if (Number.isNaN(lo)) lo = start;
    const next = set[i + 2];
    // A gap of exactly one version: below it ends "before v", the next interval starts "after v".
    if (next !== undefined && !isAfterCut(end) && next === end + 1) {
      holes.push(rankOfCut(end));
      continue;
    }
    flush(end);
    lo = NaN;
    holes = [];
  }
  return pieces;
}

/**
 * Prints version sets as PEP 440 specifiers (`>=1.0.0,<2.0.0`, `==1.0.0`, `!=1.5`, unions joined
 * with " or "; `""` for any version), such that reading the text with PEP 440's own rules gives the
 * same set on every version the package lists. That lets it drop the `!=2.0rc1` holes which the
 * pre-release rule already implies, so `>=1.0,<2.0` prints as written even when 2.0rc1 exists.
 * One exception: the set of all versions, pre-releases included, also prints as `""` (pub's
 * "any"; reports say "every version of foo"), while PEP 440 reads `""` without pre-releases.
 */
export class RangeFormatter {
  readonly #catalog: VersionCatalog;
  readonly #known: (name: string) => readonly number[];
  readonly #text: (name: string, rank: number) => string;
  readonly #cache = new Map<string, string>();
  /** Sets are immutable and rarely shared between packages, so identity is a cheap first key. */
  readonly #bySet = new WeakMap<VersionSet, { name: string; text: string }>();

  constructor(
    catalog: VersionCatalog,
    knownRanks: (name: string) => readonly number[],
    versionText: (name: string, rank: number) => string = (_, rank) => catalog.text(rank),
  ) {
    this.#catalog = catalog;
    this.#known = knownRanks;
    this.#text = versionText;
  }

  format(name: string, set: VersionSet): string {
    if (isFull(set)) return '';
    if (isEmpty(set)) return '<empty>';
    const known = this.#bySet.get(set);
    if (known?.name === name) return known.text;
    const key = `${name}\u0000${set.join(',')}`;
    let text = this.#cache.get(key);
    if (text === undefined) {
      text = this.#render(name, set, this.#known(name));
      this.#cache.set(key, text);
    }
    this.#bySet.set(set, { name, text });
    return text;
  }

  #spec(piece: Piece): ParsedSpecifier {
    const clauses: Clause[] = piece.clauses.map((c) => ({
      op: c.op,
      version: this.#catalog.version(c.rank),
      wildcard: false,
    }));
    const allowsPrereleases = clauses.some((c) => c.op !== '!=' && c.version.prerelease);
    return { text: '', clauses, allowsPrereleases };
  }

  #mismatches(pieces: Piece[], set: VersionSet, known: readonly number[]): number[] {
    const specs = pieces.map((p) => this.#spec(p));
    return known.filter((rank) => {
      const v = this.#catalog.version(rank);
      return specs.some((s) => specifierMatches(s, v)) !== containsRank(set, rank);
    });
  }

  #render(name: string, set: VersionSet, known: readonly number[]): string {
    const pieces = toPieces(set);
    // On plain releases PEP 440's reading of interval bounds is the interval itself, so only
    // packages with pre, post, dev or local versions need the check (and the pre-release folding).
    if (known.some((rank) => !this.#catalog.version(rank).plain))
      this.#makeFaithful(pieces, set, known);
    pieces.sort((a, b) => a.start - b.start);
    return pieces
      .map((p) => p.clauses.map((c) => `${c.op}${this.#text(name, c.rank)}`).join(','))
      .join(' or ');
  }

  #makeFaithful(pieces: Piece[], set: VersionSet, known: readonly number[]): void {
    let wrong = this.#mismatches(pieces, set, known).length;
    for (const piece of pieces) {
      for (const clause of [...piece.clauses]) {
        if (clause.op !== '!=' || !this.#catalog.version(clause.rank).prerelease) continue;
        const kept = piece.clauses;
        piece.clauses = kept.filter((c) => c !== clause);
        const now = this.#mismatches(pieces, set, known).length;
        if (now > wrong) piece.clauses = kept;
        else wrong = now;
      }
    }
    // Interval bounds read with PEP 440 rules can still disagree on a pre/post/local version
    // (e.g. a range of listed versions that includes 1.1rc1 but prints as `<1.1`): state those.
    for (const rank of this.#mismatches(pieces, set, known)) {
      if (containsRank(set, rank)) {
        pieces.push({ clauses: [{ op: '==', rank }], start: 2 * rank });
      } else {
        const v = this.#catalog.version(rank);
        for (const piece of pieces) {
          if (specifierMatches(this.#spec(piece), v)) piece.clauses.push({ op: '!=', rank });
        }
      }
    }
  }
}
