/**
 * Decision making's heuristics (pubgrub.md §8, DESIGN.md): among undecided packages take the one
 * whose current range allows the fewest versions (ties: the first added), then its newest version.
 */
import type { PackageSource } from './package-source';
import type { PartialSolution } from './partial-solution';
import type { Term } from './term';
import type { VersionSet } from './version-set';

export type Choice =
  | { readonly kind: 'done' }
  | { readonly kind: 'not-found'; readonly name: string }
  | { readonly kind: 'no-versions'; readonly name: string; readonly set: VersionSet }
  | { readonly kind: 'version'; readonly name: string; readonly rank: number };

export class VersionChooser {
  readonly #source: PackageSource;
  /** Counts per candidate term; a package's term object is replaced whenever its range changes. */
  readonly #counts = new WeakMap<Term, number>();

  constructor(source: PackageSource) {
    this.#source = source;
  }

  #count(t: Term): number {
    let count = this.#counts.get(t);
    if (count === undefined) {
      count = this.#source.countVersions(t.name, t.set);
      this.#counts.set(t, count);
    }
    return count;
  }

  choose(solution: PartialSolution): Choice {
    let best: Term | null = null;
    let bestCount = Infinity;
    for (const candidate of solution.undecided()) {
      const count = this.#count(candidate);
      // Strictly fewer: on a tie the package added first keeps its place.
      if (count < bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    if (!best) return { kind: 'done' };
    const { name, set } = best;
    if (!this.#source.exists(name)) return { kind: 'not-found', name };
    const rank = this.#source.bestVersion(name, set);
    return rank === null ? { kind: 'no-versions', name, set } : { kind: 'version', name, rank };
  }
}
