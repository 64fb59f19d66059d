/**
 * The names the site's own runtime files are served under (src/runtime/shared/served-files.ts): made
 * when a build writes them, and found again in a built runtime folder by the tools that read
 * one (the benchmark's bare pages, the e2e suite).
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { PYODIDE_NAMES, type ServedNames } from '../../src/runtime/shared/pyodide-version.ts';

const HASH_LENGTH = 12;

/** `python_stdlib.zip` as `["python_stdlib", ".zip"]`. */
function stemAndExtension(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot)];
}

/**
 * `name` with a hash of `content` before its extension (`python_stdlib-<hash>.zip`): a name
 * that changes exactly when the content does.
 */
export function contentName(name: string, content: string | Uint8Array): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, HASH_LENGTH);
  const [stem, extension] = stemAndExtension(name);
  return `${stem}-${hash}${extension}`;
}

/** The content names in a built runtime folder (`dist/pyodide/v<version>/`). */
export function servedNamesIn(runtimeDir: string): ServedNames {
  const files = readdirSync(runtimeDir);
  const find = (name: string) => {
    const [stem, extension] = stemAndExtension(name);
    const pattern = new RegExp(
      `^${stem}-[0-9a-f]{${HASH_LENGTH}}${extension.replace('.', '\\.')}$`,
    );
    const found = files.filter((file) => pattern.test(file));
    if (found.length !== 1) {
      throw new Error(
        `${runtimeDir} should hold one ${name} named by its content, not ${found.length}`,
      );
    }
    return found[0]!;
  };
  return { stdlib: find(PYODIDE_NAMES.stdlib), lockFile: find(PYODIDE_NAMES.lockFile) };
}
