/** Package names: PEP 508 syntax, and PEP 503 normalisation to catch two spellings of one name. */
import { ResolverInputError } from './errors';
import type { Problem } from './problem-schema';

const namePattern = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

export function isPackageName(name: string): boolean {
  return namePattern.test(name);
}

/** PEP 503: case and runs of `-`, `_`, `.` do not distinguish packages. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function checkName(name: string, where: string): void {
  if (!isPackageName(name)) {
    throw new ResolverInputError(`${where}: "${name}" is not a valid package name`, {
      package: name,
    });
  }
}

/** Collects every name the problem uses so that spellings can be checked against each other. */
export function checkNames(problem: Problem): void {
  const { root, requires, index } = problem;
  checkName(root.name, 'root');
  const spelled = new Map<string, string>([[normaliseName(root.name), root.name]]);
  for (const name of Object.keys(index)) {
    checkName(name, 'index');
    if (name === root.name) {
      throw new ResolverInputError(
        `The index lists the root package "${name}"; its requirements belong in "requires"`,
        { package: name },
      );
    }
    const other = spelled.get(normaliseName(name));
    if (other !== undefined) {
      throw new ResolverInputError(`"${other}" and "${name}" name the same package (PEP 503)`, {
        package: name,
      });
    }
    spelled.set(normaliseName(name), name);
  }
  const checkReference = (name: string, where: string) => {
    checkName(name, where);
    const known = spelled.get(normaliseName(name));
    if (known !== undefined && known !== name) {
      throw new ResolverInputError(
        `${where} names "${name}", but the package is spelled "${known}"`,
        {
          package: name,
        },
      );
    }
  };
  for (const name of Object.keys(requires)) {
    checkReference(name, `${root.name} ${root.version} requires`);
    if (name === root.name) {
      throw new ResolverInputError(`${root.name} ${root.version} requires itself`, {
        package: name,
        version: root.version,
      });
    }
  }
  for (const [pkg, versions] of Object.entries(index)) {
    for (const [version, deps] of Object.entries(versions)) {
      for (const dep of Object.keys(deps)) checkReference(dep, `${pkg} ${version} depends on`);
    }
  }
}
