/** Loads the Pyodide packages a program's imports need, and explains failures. */
import type { PyodideInterface } from 'pyodide';
import type { PackageState } from '../protocol';

export interface LockPackage {
  name: string;
  imports: string[];
  depends: string[];
  package_type?: string;
}

export function packagesForImports(
  imports: readonly string[],
  lockPackages: Record<string, LockPackage>,
): string[] {
  const byImport = new Map<string, string>();
  for (const entry of Object.values(lockPackages)) {
    for (const name of entry.imports) byImport.set(name, entry.name);
  }
  const found = new Set<string>();
  for (const name of imports) {
    const pkg = byImport.get(name);
    if (pkg) found.add(pkg);
  }
  return [...found].sort();
}

type Report = (names: string[], state: PackageState, message?: string) => void;

/**
 * Loads the packages that provide `imports` (those not loaded yet), reporting progress.
 * Returns null when all loaded, or a message naming what failed and why.
 */
export async function loadPackagesFor(
  pyodide: PyodideInterface,
  imports: readonly string[],
  report: Report,
): Promise<string | null> {
  const names = packagesForImports(imports, pyodide.lockfile.packages).filter(
    (name) => !(name in pyodide.loadedPackages),
  );
  if (!names.length) return null;
  report(names, 'loading');
  const errors: string[] = [];
  await pyodide.loadPackage(names, {
    messageCallback: () => {},
    errorCallback: (message: string) => errors.push(message),
    checkIntegrity: true,
  });
  const missing = names.filter((name) => !(name in pyodide.loadedPackages));
  if (!missing.length) {
    report(names, 'loaded');
    return null;
  }
  const message = describeLoadFailure(missing, errors, packageSource(pyodide, missing[0]!));
  report(missing, 'failed', message);
  return message;
}

/** The folder or site a package's wheel is fetched from, for error messages. */
function packageSource(pyodide: PyodideInterface, name: string): string {
  const file = pyodide.lockfile.packages[name]?.file_name ?? '';
  const url = /^[a-z]+:\/\//.test(file) ? file : pyodide.lockfileBaseUrl + file;
  return url.slice(0, url.lastIndexOf('/') + 1);
}

/**
 * "Could not load the package numpy from <source>: fetch failed (while loading numpy)", from
 * Pyodide's error lines, which come as "...while loading numpy:" followed by the reason.
 */
export function describeLoadFailure(missing: string[], errors: string[], source: string): string {
  const byReason = new Map<string, string[]>();
  let current = '';
  for (const line of errors.flatMap((error) => error.split('\n'))) {
    const loading = /while loading (\S+):\s*$/.exec(line);
    if (loading) {
      current = loading[1]!;
    } else if (line.trim()) {
      byReason.set(line.trim(), [...(byReason.get(line.trim()) ?? []), current].filter(Boolean));
    }
  }
  const why = [...byReason]
    .map(([reason, names]) =>
      names.length ? `${reason} (while loading ${names.join(', ')})` : reason,
    )
    .join('; ');
  const plural = missing.length > 1 ? 's' : '';
  return (
    `Could not load the package${plural} ${missing.join(', ')} from ${source}: ` +
    (why || 'the package source did not provide it')
  );
}
