import type { CompiledProblem, PackageVersions } from './compile';
import { Incompatibility } from './incompatibility';
import { term } from './term';
import {
  before,
  between,
  containsRank,
  EMPTY_SET,
  exactly,
  ranksIn,
  setsEqual,
  union,
  type VersionSet,
} from './version-set';

/**
 * What the solver may ask about packages (pub's `PackageLister`): how many versions a range
 * allows, the best one, and a version's dependencies as incompatibilities, created lazily.
 */
export class PackageSource {
  readonly #problem: CompiledProblem;
  readonly #newId: () => number;
  /** Per package and dependency, the depender versions whose dependency was already emitted. */
  readonly #listed = new Map<string, Map<string, VersionSet>>();
  readonly #listedUnusable = new Set<string>();
  #rootListed = false;

  constructor(problem: CompiledProblem, newId: () => number) {
    this.#problem = problem;
    this.#newId = newId;
  }

  get rootName(): string {
    return this.#problem.root.name;
  }

  exists(name: string): boolean {
    return name === this.rootName || this.#problem.packages.has(name);
  }

  /** Versions of `name` in `set`; the root counts as its one version, a missing package as 0. */
  countVersions(name: string, set: VersionSet): number {
    if (name === this.rootName) return containsRank(set, this.#problem.root.rank) ? 1 : 0;
    const pkg = this.#problem.packages.get(name);
    return pkg ? ranksIn(set, pkg.ranks).length : 0;
  }

  /** The newest version in `set` (pre-releases are already excluded from sets that exclude them). */
  bestVersion(name: string, set: VersionSet): number | null {
    const ranks = this.#problem.knownRanks(name);
    for (let i = ranks.length - 1; i >= 0; i--) {
      const rank = ranks[i] ?? -1;
      if (containsRank(set, rank)) return rank;
    }
    return null;
  }

  incompatibilitiesFor(name: string, rank: number): Incompatibility[] {
    if (name === this.rootName) return this.#rootDependencies();
    const pkg = this.#problem.packages.get(name);
    if (!pkg) return [];
    const reason = pkg.unusable.get(rank);
    if (reason !== undefined) {
      const key = `${name}\u0000${rank}`;
      if (this.#listedUnusable.has(key)) return [];
      this.#listedUnusable.add(key);
      return [
        new Incompatibility(this.#newId(), [term(name, true, exactly(rank))], {
          kind: 'unusable',
          reason,
        }),
      ];
    }
    return this.#dependencies(pkg, rank);
  }

  #rootDependencies(): Incompatibility[] {
    if (this.#rootListed) return [];
    this.#rootListed = true;
    const { root, requirements } = this.#problem;
    return requirements.map(
      (req) =>
        new Incompatibility(
          this.#newId(),
          [term(root.name, true, exactly(root.rank)), term(req.name, false, req.set)],
          { kind: 'dependency' },
        ),
    );
  }

  /**
   * pub widens each dependency to the longest run of neighbouring versions with the identical
   * dependency, so that one incompatibility covers `foo <1.1.0` instead of one per version: the
   * solver reasons about whole ranges and the report reads like hand-written constraints.
   */
  #dependencies(pkg: PackageVersions, rank: number): Incompatibility[] {
    const listed = this.#listed.get(pkg.name) ?? new Map<string, VersionSet>();
    this.#listed.set(pkg.name, listed);
    const own = (pkg.deps.get(rank) ?? []).filter(
      (dep) => !containsRank(listed.get(dep.name) ?? EMPTY_SET, rank),
    );
    const position = pkg.ranks.indexOf(rank);
    const sameDependency = (other: number, depName: string, set: VersionSet) => {
      if (pkg.unusable.has(other)) return false;
      const found = pkg.deps.get(other)?.find((d) => d.name === depName);
      return found !== undefined && setsEqual(found.set, set);
    };
    return own.map((dep) => {
      let lo = position;
      while (lo > 0 && sameDependency(pkg.ranks[lo - 1] ?? -1, dep.name, dep.set)) lo--;
      let hi = position;
      while (
        hi < pkg.ranks.length - 1 &&
        sameDependency(pkg.ranks[hi + 1] ?? -1, dep.name, dep.set)
      )
        hi++;
      // Bounds are omitted at the ends of the list: `foo <1.1.0`, `every version of foo`.
      const lower = lo === 0 ? -Infinity : before(pkg.ranks[lo] ?? 0);
      const upper = hi === pkg.ranks.length - 1 ? Infinity : before(pkg.ranks[hi + 1] ?? 0);
      const depender = between(lower, upper);
      listed.set(dep.name, union(listed.get(dep.name) ?? EMPTY_SET, depender));
      return new Incompatibility(
        this.#newId(),
        [term(pkg.name, true, depender), term(dep.name, false, dep.set)],
        { kind: 'dependency' },
      );
    });
  }
}
