/** Reading a pack folder from disk and bundling it into one file (Node only). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './parse-pack';
import type { BuiltPack } from './schema';

/** The pack's own files: the manifest and the Markdown lessons beside it. */
export function readPackFolder(dir: string): Record<string, string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`${dir}: no such folder`);
  }
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name === MANIFEST_FILE || name.endsWith('.md')) {
      files[name] = readFileSync(path.join(dir, name), 'utf8');
    }
  }
  return files;
}

export function bundlePack(id: string, version: string, files: Record<string, string>): BuiltPack {
  return { format: 'wheelhouse-pack', formatVersion: 1, id, version, files };
}
