/** The packs that ship with Wheelhouse: the folders under `lessons/`, one lazy chunk each. */
import type { WidgetTable } from '../shared/tool';
import type { PackLoad } from './model';
import { toPackLoad } from './parse-pack';

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

export async function loadBuiltinPacks(widgets: WidgetTable): Promise<PackLoad[]> {
  const loads = [...groupByPack()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(async ([folder, entries]) => {
      const files = Object.fromEntries(
        await Promise.all(entries.map(async ([file, load]) => [file, await load()] as const)),
      );
      return toPackLoad(files, folder, { kind: 'builtin' }, widgets);
    });
  return Promise.all(loads);
}

/** A built-in pack's files after one of them changed (`npm run dev`). */
export interface ChangedPack {
  folder: string;
  files: Record<string, string>;
}

/** In `npm run dev`, calls `onChange` with a built-in pack's files after one of them changed. */
export function watchBuiltinPacks(onChange: (pack: ChangedPack) => void): () => void {
  const hot = import.meta.hot;
  if (!hot) return () => {};
  const handler = (data: ChangedPack) => onChange(data);
  hot.on('wheelhouse:pack-changed', handler);
  return () => hot.off('wheelhouse:pack-changed', handler);
}
