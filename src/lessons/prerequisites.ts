/**
 * A manifest's `after` names the packs a learner should take first. `check` accepts an id when
 * it is a built-in pack or one of the packs checked in the same run, and refuses a pack that
 * would come after itself, directly or through others. Each problem names pack.yaml, the line
 * and the field (`after.1`), like every other manifest problem.
 */
import type { PackIssue } from './model';
import { MANIFEST_FILE } from './parse-pack';
import { closest, parseYaml } from '../shared/yaml-source';

export interface ManifestToCheck {
  /** The pack's id as its manifest (or else its folder) gives it. */
  id: string;
  /** The text of its pack.yaml, if it has one. */
  manifest: string | undefined;
}

interface Prerequisite {
  id: string;
  line: number;
  field: string;
}

/** The `after` ids of a manifest with their lines; none when it cannot be read. */
function prerequisites(manifest: string | undefined): Prerequisite[] {
  if (manifest === undefined) return [];
  const yaml = parseYaml(manifest);
  const after = (yaml.data as { after?: unknown } | undefined)?.after;
  if (yaml.errors.length || !Array.isArray(after)) return [];
  return after.flatMap((id, index) =>
    typeof id === 'string'
      ? [{ id, line: yaml.lineOf(['after', index]), field: `after.${index}` }]
      : [],
  );
}

export function prerequisiteIssues(
  packs: readonly ManifestToCheck[],
  builtinIds: readonly string[],
): PackIssue[] {
  const known = [...new Set([...builtinIds, ...packs.map((pack) => pack.id)])].sort();
  const graph = new Map(packs.map((pack) => [pack.id, prerequisites(pack.manifest)]));
  const issues: PackIssue[] = [];
  for (const [pack, after] of graph) {
    for (const { id, line, field } of after) {
      const report = (message: string) =>
        issues.push({ pack, file: MANIFEST_FILE, line, field, message });
      if (id === pack) {
        report(`a pack cannot come after itself`);
      } else if (!known.includes(id)) {
        const others = known.filter((other) => other !== pack);
        const close = closest(id, others);
        report(
          close
            ? `unknown pack "${id}" (did you mean "${close}"?)`
            : `unknown pack "${id}": name a built-in pack or one checked in the same command (${others.join(', ')})`,
        );
      } else {
        const circle = chainTo(graph, id, pack);
        if (circle) {
          report(
            `"${id}" makes a circle (${[pack, ...circle].join(' after ')}): none of them can come first`,
          );
        }
      }
    }
  }
  return issues;
}

/** The packs from `from` to `to` along `after` links (`from` first), if `to` can be reached. */
function chainTo(
  graph: ReadonlyMap<string, Prerequisite[]>,
  from: string,
  to: string,
  seen = new Set<string>(),
): string[] | undefined {
  if (from === to) return [to];
  if (seen.has(from)) return undefined;
  seen.add(from);
  for (const next of graph.get(from) ?? []) {
    const rest = chainTo(graph, next.id, to, seen);
    if (rest) return [from, ...rest];
  }
  return undefined;
}
