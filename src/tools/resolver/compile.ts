import { ResolverInputError } from './errors';
import { checkNames } from './names';
import { parseVersion, type ParsedVersion } from './pep440';
import { parseSpecifier, SpecifierSyntaxError, type ParsedSpecifier } from './specifier';
import { parseProblem, type Problem } from './problem-schema';
import { specifierBounds, specifierToSet } from './specifier-set';
import { VersionCatalog } from './version-catalog';
import { containsRank, type VersionSet } from './version-set';

export interface Requirement {
  readonly name: string;
  /** The specifier as written (`""` for any version). */
  readonly spec: string;
  readonly set: VersionSet;
}

export interface PackageVersions {
  readonly name: string;
  /** Ascending PEP 440 order. */
  readonly ranks: readonly number[];
  /** Per version, dependencies in alphabetical order of name. */
  readonly deps: ReadonlyMap<number, readonly Requirement[]>;
  /** Versions that cannot be used at all, with the reason (a self-dependency they miss). */
  readonly unusable: ReadonlyMap<number, string>;
  /** Each version as this package's index spells it (another package may write 1.0 as 1.0.0). */
  readonly spelling: ReadonlyMap<number, string>;
}

/** A validated problem with every version ranked and every specifier turned into a set. */
export interface CompiledProblem {
  readonly problem: Problem;
  readonly catalog: VersionCatalog;
  readonly root: { readonly name: string; readonly rank: number };
  readonly requirements: readonly Requirement[];
  readonly packages: ReadonlyMap<string, PackageVersions>;
  /** The versions a package lists (the root lists its own); none for a missing package. */
  readonly knownRanks: (name: string) => readonly number[];
  /**
   * A version as this package spells it when it lists that version (1.0.0 in foo's index, even if
   * a specifier wrote 1.0), otherwise as the problem first spelled it.
   */
  readonly versionText: (name: string, rank: number) => string;
}

function requireVersion(text: string, pkg: string): ParsedVersion {
  const parsed = parseVersion(text);
  if (!parsed) {
    throw new ResolverInputError(`${pkg} has "${text}", which is not a PEP 440 version`, {
      package: pkg,
      version: text,
    });
  }
  return parsed;
}

/** Validates an untrusted problem and prepares it for the solvers. */
export function compileProblem(input: unknown): CompiledProblem {
  const problem = parseProblem(input);
  checkNames(problem);
  const { root, requires, index } = problem;

  const rootVersion = requireVersion(root.version, root.name);
  const versions: ParsedVersion[] = [rootVersion];
  const bounds: ParsedVersion[] = [];
  const specs = new Map<string, ParsedSpecifier>();
  const spec = (text: string, owner: string, ownerVersion: string, dep: string) => {
    let parsed = specs.get(text);
    if (parsed) return parsed;
    try {
      parsed = parseSpecifier(text);
    } catch (error) {
      if (!(error instanceof SpecifierSyntaxError)) throw error;
      throw new ResolverInputError(
        `${owner} ${ownerVersion} depends on ${dep} "${text}", an invalid specifier: ${error.message}`,
        { package: owner, version: ownerVersion, specifier: text },
      );
    }
    specs.set(text, parsed);
    bounds.push(...specifierBounds(parsed));
    return parsed;
  };
  for (const [dep, text] of Object.entries(requires)) spec(text, root.name, root.version, dep);
  const parsedVersions = new Map<string, ParsedVersion[]>();
  for (const [pkg, byVersion] of Object.entries(index)) {
    const list = Object.keys(byVersion).map((v) => requireVersion(v, pkg));
    parsedVersions.set(pkg, list);
    versions.push(...list);
    for (const [v, deps] of Object.entries(byVersion)) {
      for (const [dep, text] of Object.entries(deps)) spec(text, pkg, v, dep);
    }
  }

  // Specifier bounds come first, so that a bound no listed version spells prints as written.
  const catalog = new VersionCatalog([...bounds, ...versions]);
  const known = new Map<string, readonly number[]>([
    [root.name, [catalog.requireRank(root.version)]],
  ]);
  for (const [pkg, list] of parsedVersions) {
    const ranks = list.map((v) => catalog.requireRank(v.text));
    const sorted = [...new Set(ranks)].sort((a, b) => a - b);
    if (sorted.length !== ranks.length) {
      const dup = list.find((v, i) => ranks.indexOf(ranks[i] ?? -1) !== i);
      throw new ResolverInputError(
        `${pkg} lists version ${dup?.text ?? '?'} twice (PEP 440 equal)`,
        {
          package: pkg,
          version: dup?.text ?? '',
        },
      );
    }
    known.set(pkg, sorted);
  }
  const knownRanks = (name: string) => known.get(name) ?? [];
  const made = new Map<string, Map<string, Requirement>>();
  const requirement = (name: string, text: string): Requirement => {
    let forName = made.get(name);
    if (!forName) {
      forName = new Map();
      made.set(name, forName);
    }
    let req = forName.get(text);
    if (!req) {
      const spec = specs.get(text) ?? parseSpecifier(text);
      req = { name, spec: text, set: specifierToSet(spec, catalog, knownRanks(name)) };
      forName.set(text, req);
    }
    return req;
  };

  const packages = new Map<string, PackageVersions>();
  for (const [pkg, byVersion] of Object.entries(index)) {
    const deps = new Map<number, Requirement[]>();
    const unusable = new Map<number, string>();
    const spelling = new Map<number, string>();
    for (const [v, depSpecs] of Object.entries(byVersion)) {
      const rank = catalog.requireRank(v);
      spelling.set(rank, v);
      const list: Requirement[] = [];
      for (const name of Object.keys(depSpecs).sort()) {
        const req = requirement(name, depSpecs[name] ?? '');
        if (name !== pkg) list.push(req);
        // pip ignores a self-dependency that the version meets; one it misses makes it unusable.
        else if (!containsRank(req.set, rank))
          unusable.set(rank, `depends on itself with "${req.spec}"`);
      }
      deps.set(rank, list);
    }
    packages.set(pkg, { name: pkg, ranks: knownRanks(pkg), deps, unusable, spelling });
  }
  const requirements = Object.entries(requires).map(([name, text]) => requirement(name, text));
  const rootRank = catalog.requireRank(root.version);
  const versionText = (name: string, rank: number) => {
    if (name === root.name && rank === rootRank) return root.version;
    return packages.get(name)?.spelling.get(rank) ?? catalog.text(rank);
  };
  return {
    problem,
    catalog,
    root: { name: root.name, rank: rootRank },
    requirements,
    packages,
    knownRanks,
    versionText,
  };
}
