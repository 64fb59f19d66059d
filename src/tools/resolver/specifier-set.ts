import { parseVersion, type ParsedVersion } from './pep440';
import {
  compatiblePrefix,
  nextReleaseAfterPrefix,
  specifierMatches,
  type Clause,
  type ParsedSpecifier,
} from './specifier';
import type { VersionCatalog } from './version-catalog';
import {
  after,
  before,
  between,
  complement,
  containsRank,
  difference,
  exactly,
  FULL_SET,
  intersect,
  union,
  type VersionSet,
} from './version-set';

/** The first version past a wildcard or `~=` prefix, which bounds the clause's interval. */
function prefixEnd(clause: Clause): string | null {
  const v = clause.version;
  if (clause.wildcard) return nextReleaseAfterPrefix(v.epoch, v.writtenRelease);
  if (clause.op === '~=') return nextReleaseAfterPrefix(v.epoch, compatiblePrefix(v));
  return null;
}

/** Every version the catalog needs to rank before `specifierToSet` can use this specifier. */
export function specifierBounds(spec: ParsedSpecifier): ParsedVersion[] {
  const out: ParsedVersion[] = [];
  for (const clause of spec.clauses) {
    out.push(clause.version);
    const end = prefixEnd(clause);
    const parsed = end === null ? null : parseVersion(end);
    if (parsed) out.push(parsed);
  }
  return out;
}

function clauseInterval(clause: Clause, catalog: VersionCatalog): VersionSet {
  const r = catalog.requireRank(clause.version.text);
  const end = prefixEnd(clause);
  switch (clause.op) {
    case '>=':
      return between(before(r), Infinity);
    case '>':
      return between(after(r), Infinity);
    case '<=':
      return between(-Infinity, after(r));
    case '<':
      return between(-Infinity, before(r));
    case '~=':
      return between(before(r), before(catalog.requireRank(end ?? clause.version.text)));
    case '==':
    case '!=': {
      const eq = end === null ? exactly(r) : between(before(r), before(catalog.requireRank(end)));
      return clause.op === '==' ? eq : complement(eq);
    }
  }
}

/**
 * The exact set a specifier denotes for one package.
 *
 * Each clause is first read as a plain interval (`<2.0` as everything below 2.0). That is exact for
 * plain releases; the PEP 440 rules that carve out single versions (pre-releases unless named,
 * `<V` excluding V's pre-releases, `>V` excluding V's post and local releases, `==V` matching
 * V+local) only ever concern pre, post, dev and local versions, so those of the package's own
 * versions are checked one by one against the real rules and added or removed as points. The
 * result therefore agrees with `packaging` on every version the index lists.
 */
export function specifierToSet(
  spec: ParsedSpecifier,
  catalog: VersionCatalog,
  knownRanks: readonly number[],
): VersionSet {
  let set = FULL_SET;
  for (const clause of spec.clauses) set = intersect(set, clauseInterval(clause, catalog));
  for (const rank of knownRanks) {
    const v = catalog.version(rank);
    if (v.plain) continue;
    const wanted = specifierMatches(spec, v);
    if (wanted !== containsRank(set, rank)) {
      set = wanted ? union(set, exactly(rank)) : difference(set, exactly(rank));
    }
  }
  return set;
}
