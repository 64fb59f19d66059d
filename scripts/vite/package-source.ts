/** Where Pyodide package wheels come from: an offline folder, or the official location. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE_FOLDER_ENV = 'WHEELHOUSE_PYODIDE_PACKAGES';

/** The offline wheel folder named by the environment, or undefined. Throws if it names nothing. */
export function packageFolderFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[PACKAGE_FOLDER_ENV]?.trim();
  if (!value) return undefined;
  const dir = path.resolve(value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`${PACKAGE_FOLDER_ENV}=${value}: no such folder`);
  }
  return dir;
}

interface LockFile {
  packages: Record<string, { file_name: string }>;
}

/**
 * A copy of Pyodide's lock file in which every package the offline folder holds keeps its
 * relative file name (served next to the lock file) and every other package points at `officialBase`.
 */
export function rewriteLockFile<T extends LockFile>(
  lock: T,
  packagesDir: string | undefined,
  officialBase: string,
): T {
  const packages = Object.fromEntries(
    Object.entries(lock.packages).map(([name, entry]) => {
      const local = packagesDir && existsSync(path.join(packagesDir, entry.file_name));
      return [name, local ? entry : { ...entry, file_name: officialBase + entry.file_name }];
    }),
  );
  return { ...lock, packages };
}
