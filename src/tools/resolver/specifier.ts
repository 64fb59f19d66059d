/**
 * PEP 440 specifier clauses, tokenised with `@renovatebot/pep440`'s pattern.
 *
 * Matching follows `packaging` 26 (what pip uses), which is stricter than the library's own
 * `satisfies`: a specifier set admits pre-releases only when one of its clauses names one, `<V`
 * never admits a pre-release of V itself, and `>V` never admits V's post-releases or local builds.
 * (packaging's `contains` also falls back to pre-releases when nothing else matches; DESIGN.md
 * rules that out: pre-releases only where a specifier names one.)
 */
import { RANGE_PATTERN } from '@renovatebot/pep440';
import { compareVersions, parseVersion, type ParsedVersion } from './pep440';

/** `v` with its post and dev segments replaced, re-parsed (only for pre/post/local cases). */
function variant(v: ParsedVersion, post: number | null, devZero: boolean): ParsedVersion {
  const epoch = v.epoch === 0 ? '' : `${v.epoch}!`;
  const postText = post === null ? '' : `.post${post}`;
  const text = `${epoch}${v.writtenRelease.join('.')}${v.preText}${postText}${devZero ? '.dev0' : ''}`;
  return parseVersion(text) ?? v;
}

const isEqual = (a: ParsedVersion, b: ParsedVersion) => compareVersions(a, b) === 0;

export type Operator = '<' | '<=' | '>' | '>=' | '==' | '!=' | '~=';

export interface Clause {
  readonly op: Operator;
  readonly version: ParsedVersion;
  /** `==1.2.*` / `!=1.2.*` */
  readonly wildcard: boolean;
}

export interface ParsedSpecifier {
  readonly text: string;
  readonly clauses: readonly Clause[];
  /** packaging's rule: some clause other than `!=` names a pre-release. */
  readonly allowsPrereleases: boolean;
}

export class SpecifierSyntaxError extends Error {
  override name = 'SpecifierSyntaxError';
}

const clausePattern = new RegExp(`^\\s*${RANGE_PATTERN}\\s*$`, 'i');
const operators: readonly Operator[] = ['<', '<=', '>', '>=', '==', '!=', '~='];

function isOperator(value: string): value is Operator {
  return operators.some((op) => op === value);
}

function parseClause(raw: string): Clause {
  const groups = clausePattern.exec(raw)?.groups;
  const opText = groups?.['operator'];
  if (!groups || opText === undefined) {
    throw new SpecifierSyntaxError(`"${raw.trim()}" is not a PEP 440 specifier clause`);
  }
  if (opText === '===') {
    throw new SpecifierSyntaxError(`arbitrary equality "===" is not supported`);
  }
  const versionText = groups['version'];
  const version = versionText === undefined ? null : parseVersion(versionText);
  if (!isOperator(opText) || !version) {
    throw new SpecifierSyntaxError(
      `"${raw.trim()}" is not a PEP 440 specifier clause (an operator and a version)`,
    );
  }
  const wildcard = groups['prefix'] !== undefined;
  const equality = opText === '==' || opText === '!=';
  if (wildcard && (!equality || !version.plain)) {
    throw new SpecifierSyntaxError(
      `"${raw.trim()}": ".*" only follows a plain release after == or !=`,
    );
  }
  if (version.local && !equality) {
    throw new SpecifierSyntaxError(
      `"${raw.trim()}": a local version (+...) only works with == or !=`,
    );
  }
  if (opText === '~=' && version.writtenRelease.length < 2) {
    throw new SpecifierSyntaxError(`"${raw.trim()}": ~= needs at least two release numbers`);
  }
  return { op: opText, version, wildcard };
}

/** `""` is the empty specifier set: any version (but no pre-release, as in packaging). */
export function parseSpecifier(text: string): ParsedSpecifier {
  const clauses = text.trim() === '' ? [] : text.split(',').map(parseClause);
  const allowsPrereleases = clauses.some((c) => c.op !== '!=' && c.version.prerelease);
  return { text, clauses, allowsPrereleases };
}

/** Renders one release prefix, e.g. the upper end of `==1.2.*` (`1.3`). */
function releaseText(epoch: number, release: readonly number[]): string {
  return `${epoch === 0 ? '' : `${epoch}!`}${release.join('.')}`;
}

/** The first release after every version starting with `prefix` (1.2 -> 1.3). */
export function nextReleaseAfterPrefix(epoch: number, prefix: readonly number[]): string {
  const next = [...prefix];
  next[next.length - 1] = (next[next.length - 1] ?? 0) + 1;
  return releaseText(epoch, next);
}

/** The release prefix a `~=` clause pins (`~=1.4.5` pins `1.4`). */
export function compatiblePrefix(version: ParsedVersion): readonly number[] {
  return version.writtenRelease.slice(0, -1);
}

function startsWithRelease(version: ParsedVersion, epoch: number, prefix: readonly number[]) {
  if (version.epoch !== epoch) return false;
  return prefix.every((n, i) => (version.writtenRelease[i] ?? 0) === n);
}

function publicOf(version: ParsedVersion): ParsedVersion {
  return version.local ? (parseVersion(version.publicText) ?? version) : version;
}

export function clauseMatches(clause: Clause, v: ParsedVersion): boolean {
  const spec = clause.version;
  switch (clause.op) {
    case '==':
    case '!=': {
      const equal = clause.wildcard
        ? startsWithRelease(v, spec.epoch, spec.writtenRelease)
        : compareVersions(spec.local ? v : publicOf(v), spec) === 0;
      return equal === (clause.op === '==');
    }
    case '<=':
      return compareVersions(publicOf(v), spec) <= 0;
    case '>=':
      return compareVersions(publicOf(v), spec) >= 0;
    case '<':
      // "<V must not allow a pre-release of V": nothing from V's earliest pre-release (V.dev0) on.
      return (
        compareVersions(v, spec) < 0 &&
        !(
          !spec.prerelease &&
          v.prerelease &&
          compareVersions(v, variant(spec, spec.post, true)) >= 0
        )
      );
    case '>':
      // ">V must not allow a post-release of V, nor a local version of V".
      return (
        compareVersions(v, spec) > 0 &&
        !(!spec.postrelease && v.postrelease && isEqual(variant(v, null, false), spec)) &&
        !(v.local && isEqual(publicOf(v), spec))
      );
    case '~=':
      return (
        compareVersions(publicOf(v), spec) >= 0 &&
        startsWithRelease(v, spec.epoch, compatiblePrefix(spec))
      );
  }
}

export function specifierMatches(spec: ParsedSpecifier, v: ParsedVersion): boolean {
  if (v.prerelease && !spec.allowsPrereleases) return false;
  return spec.clauses.every((clause) => clauseMatches(clause, v));
}
