/** The build context as an indented tree: folder rows once, then their files. */

export type TreeRow =
  | { kind: 'folder'; name: string; path: string; depth: number }
  | { kind: 'file'; name: string; path: string; depth: number };

export function treeRows(paths: readonly string[]): TreeRow[] {
  const rows: TreeRow[] = [];
  const shown = new Set<string>();
  // Folders before files at each level, as file managers list them.
  const sorted = [...paths].sort((a, b) => {
    const pa = a.split('/');
    const pb = b.split('/');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const aIsFolder = i < pa.length - 1;
      const bIsFolder = i < pb.length - 1;
      if (pa[i] !== pb[i] || aIsFolder !== bIsFolder) {
        if (aIsFolder !== bIsFolder) return aIsFolder ? -1 : 1;
        return pa[i]!.localeCompare(pb[i]!);
      }
    }
    return pa.length - pb.length;
  });
  for (const path of sorted) {
    const parts = path.split('/');
    for (let depth = 0; depth < parts.length - 1; depth++) {
      const folder = parts.slice(0, depth + 1).join('/');
      if (shown.has(folder)) continue;
      shown.add(folder);
      rows.push({ kind: 'folder', name: parts[depth]!, path: folder, depth });
    }
    rows.push({ kind: 'file', name: parts.at(-1)!, path, depth: parts.length - 1 });
  }
  return rows;
}

/** The editor language for a context file. */
export function languageFor(path: string): string {
  if (path.endsWith('.py')) return 'python';
  if (/\.(toml|lock)$/.test(path)) return 'toml';
  if (path === 'Dockerfile' || path.endsWith('.Dockerfile')) return 'dockerfile';
  return 'plaintext';
}

/** Text with `code` spans, as lint messages write them, split for rendering without HTML. */
export function codeSpans(text: string): Array<{ code: boolean; text: string }> {
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? { code: true, text: part.slice(1, -1) }
        : { code: false, text: part },
    );
}
