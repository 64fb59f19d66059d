import { compareVersions, type ParsedVersion } from './pep440';

/**
 * Every version one problem mentions (index versions, specifier bounds), ranked once in PEP 440
 * order so that the set algebra compares small integers instead of parsing strings. Equal versions
 * (1.0 and 1.0.0) share a rank; `text` gives the spelling registered first.
 */
export class VersionCatalog {
  readonly #rankByText = new Map<string, number>();
  readonly #byRank: ParsedVersion[] = [];

  constructor(versions: Iterable<ParsedVersion>) {
    const distinct = new Map<string, ParsedVersion>();
    for (const v of versions) if (!distinct.has(v.text)) distinct.set(v.text, v);
    // Array.prototype.sort is stable, so the first spelling of equal versions stays in front.
    const sorted = [...distinct.values()].sort(compareVersions);
    let previous: ParsedVersion | undefined;
    for (const v of sorted) {
      if (!previous || compareVersions(previous, v) !== 0) this.#byRank.push(v);
      this.#rankByText.set(v.text, this.#byRank.length - 1);
      previous = v;
    }
  }

  get size(): number {
    return this.#byRank.length;
  }

  rankOf(text: string): number | undefined {
    return this.#rankByText.get(text);
  }

  /** The rank of a version known to be registered; a miss is a bug in the caller. */
  requireRank(text: string): number {
    const rank = this.#rankByText.get(text);
    if (rank === undefined) throw new Error(`version ${text} was not registered in the catalog`);
    return rank;
  }

  version(rank: number): ParsedVersion {
    const v = this.#byRank[rank];
    if (!v) throw new Error(`no version has rank ${rank}`);
    return v;
  }

  text(rank: number): string {
    return this.version(rank).text;
  }
}
