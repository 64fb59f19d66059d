/** The packs that ship with Wheelhouse: the folders under `lessons/`, one lazy chunk each. */
import type { PackLoad } from './model';
import { parsePack } from './parse-pack';

const sources = import.meta.glob<string>('/lessons/*/*.{yaml,md}', {
  query: '?raw',
  import: 'default',
});

function groupByPack(): Map<string, Array<[file: string, load: () => Promise<string>]>> {
  const packs = new Map<string, Array<[string, () => Promise<string>]>>();
  for (const [path, load] of Object.entries(sources)) {
    const [, , folder, file] = path.split('/');
    if (!folder || !file) continue;
    packs.set(folder, [...(packs.get(folder) ?? []), [file, load]]);
  }
  return packs;
}

export async function loadBuiltinPacks(): Promise<PackLoad[]> {
  const loads = [...groupByPack()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(async ([folder, entries]) => {
      const files = Object.fromEntries(
        await Promise.all(entries.map(async ([file, load]) => [file, await load()] as const)),
      );
      const parsed = parsePack(files, folder);
      const source = { kind: 'builtin' } as const;
      return parsed.pack
        ? ({ ok: true, pack: parsed.pack, source } as const)
        : ({
            ok: false,
            id: parsed.id,
            title: parsed.title,
            issues: parsed.issues,
            source,
          } as const);
    });
  return Promise.all(loads);
}
