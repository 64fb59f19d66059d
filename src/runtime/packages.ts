/** Maps the modules a program imports to the Pyodide packages that provide them. */

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
