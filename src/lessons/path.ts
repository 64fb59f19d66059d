/**
 * The learning path: the built-in packs in the order their topics build on each other. This
 * list is the one place that order is set (docs/authoring.md, "The learning path"); the start
 * page lists the packs in it, and the last lesson of a pack leads to the next pack on it. A
 * pack that is not in the build is skipped, so the path holds with any subset of these.
 * Opened packs (from a file or a URL) are not on the path: they are listed after it, and
 * their lessons lead only to each other.
 */
import { packId, type Lesson, type Pack, type PackLoad } from './model';

export const LEARNING_PATH: readonly string[] = [
  'welcome',
  'packaging',
  'resolver',
  'profiling',
  'pydantic',
  'docker',
];

export interface OrderedPacks {
  /** The built-in packs in path order (one missing from the path last, by id). */
  path: PackLoad[];
  /** Packs the learner opened, in the order they were opened. */
  opened: PackLoad[];
}

export function orderPacks(loads: readonly PackLoad[]): OrderedPacks {
  const rank = (load: PackLoad) => {
    const index = LEARNING_PATH.indexOf(packId(load));
    return index === -1 ? LEARNING_PATH.length : index;
  };
  const path = loads
    .filter((load) => load.source.kind === 'builtin')
    .sort((a, b) => rank(a) - rank(b) || packId(a).localeCompare(packId(b)));
  return { path, opened: loads.filter((load) => load.source.kind !== 'builtin') };
}

/** One lesson of a pack that can be opened. */
export interface Stop {
  pack: Pack;
  lesson: Lesson;
}

function stops(loads: readonly PackLoad[]): Stop[] {
  return loads.flatMap((load) =>
    load.ok ? load.pack.lessons.map((lesson) => ({ pack: load.pack, lesson })) : [],
  );
}

/** Every lesson a learner can open, in order: the path's, then the opened packs'. */
export function allStops(ordered: OrderedPacks): Stop[] {
  return [...stops(ordered.path), ...stops(ordered.opened)];
}

/**
 * The lessons before and after one. At a pack's ends a built-in pack's lessons lead into the
 * neighbouring pack on the path (packs with errors are skipped); an opened pack's lead nowhere.
 */
export function neighbours(
  loads: readonly PackLoad[],
  pack: string,
  lesson: string,
): { previous?: Stop; next?: Stop } {
  const ordered = orderPacks(loads);
  const onPath = ordered.path.some((load) => packId(load) === pack);
  const track = onPath ? stops(ordered.path) : stops(loads.filter((load) => packId(load) === pack));
  const index = track.findIndex(
    (stop) => stop.pack.manifest.id === pack && stop.lesson.id === lesson,
  );
  if (index === -1) return {};
  return { previous: track[index - 1], next: track[index + 1] };
}
