/**
 * The site's own runtime files are named by their content, so a year-long cache can never give
 * a new build an old one: the name changes with every byte, keeps its stem and extension, and
 * a built folder's names are found again, or the tools that need them stop and say why.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentName, servedNamesIn } from './content-names';

describe('contentName', () => {
  it('puts a hash of the content between the stem and the extension', () => {
    expect(contentName('python_stdlib.zip', 'abc')).toMatch(/^python_stdlib-[0-9a-f]{12}\.zip$/);
    expect(contentName('pyodide-lock.json', '{}')).toMatch(/^pyodide-lock-[0-9a-f]{12}\.json$/);
  });

  it('changes when one byte does, and only then', () => {
    const runner = new TextEncoder().encode('BUILD = 1\n');
    const same = contentName('python_stdlib.zip', new Uint8Array(runner));
    expect(contentName('python_stdlib.zip', runner)).toBe(same);
    runner[8] = 0x32; // BUILD = 2
    expect(contentName('python_stdlib.zip', runner)).not.toBe(same);
  });
});

describe('servedNamesIn', () => {
  function runtimeDir(files: string[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'wheelhouse-runtime-'));
    for (const file of ['pyodide.asm.js', ...files]) writeFileSync(path.join(dir, file), '');
    return dir;
  }

  it('finds the standard library and the lock file a build wrote', () => {
    const stdlib = contentName('python_stdlib.zip', 'zip');
    const lockFile = contentName('pyodide-lock.json', 'lock');
    expect(servedNamesIn(runtimeDir([stdlib, lockFile]))).toEqual({ stdlib, lockFile });
  });

  it('says which file it cannot tell, rather than guessing', () => {
    const lockFile = contentName('pyodide-lock.json', 'lock');
    expect(() => servedNamesIn(runtimeDir(['python_stdlib.zip', lockFile]))).toThrow(
      /one python_stdlib\.zip named by its content, not 0/,
    );
    const two = [contentName('python_stdlib.zip', 'a'), contentName('python_stdlib.zip', 'b')];
    expect(() => servedNamesIn(runtimeDir([...two, lockFile]))).toThrow(/not 2/);
  });
});
