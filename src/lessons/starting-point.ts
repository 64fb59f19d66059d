/**
 * Where the start page sends a learner: someone new to the first lesson of the path; someone
 * returning back to the lesson they last opened, and on to their next unfinished exercise.
 */
import { exerciseKey, exercises, lessonDone } from './completion';
import type { ExerciseBlock } from './model';
import { allStops, type OrderedPacks, type Stop } from './path';
import type { PackProgress } from './progress-model';

export type NextStep =
  | { kind: 'exercise'; stop: Stop; exercise: ExerciseBlock }
  /** Every exercise is done: the next lesson not done yet, after the last one opened. */
  | { kind: 'lesson'; stop: Stop };

export type StartingPoint =
  | { kind: 'new'; first: Stop }
  /** `last` is unknown only for progress that records no visit (imported, say). */
  | { kind: 'returning'; last?: Stop; next?: NextStep };

type ProgressOf = (packId: string) => PackProgress;

/** Undefined when there is no lesson to open at all. */
export function startingPoint(
  ordered: OrderedPacks,
  progressOf: ProgressOf,
): StartingPoint | undefined {
  const all = allStops(ordered);
  const first = all[0];
  if (!first) return undefined;
  if (!all.some((stop) => begun(stop, progressOf))) return { kind: 'new', first };
  const last = lastOpened(all, progressOf);
  const from = last ? all.indexOf(last) : 0;
  return {
    kind: 'returning',
    last,
    next: nextExercise(all, from, progressOf) ?? nextLesson(all, from, progressOf),
  };
}

function begun({ pack, lesson }: Stop, progressOf: ProgressOf): boolean {
  const progress = progressOf(pack.manifest.id);
  return (
    progress.visited.includes(lesson.id) ||
    exercises(lesson).some((exercise) => progress.exercises[exerciseKey(lesson, exercise)]?.passed)
  );
}

/** The last lesson opened in the pack opened most recently. */
function lastOpened(all: Stop[], progressOf: ProgressOf): Stop | undefined {
  let latest: { stop: Stop; at: string } | undefined;
  for (const stop of all) {
    const progress = progressOf(stop.pack.manifest.id);
    if (progress.lastLesson !== stop.lesson.id) continue;
    const at = progress.lastVisitedAt ?? lastActivity(progress);
    if (!latest || at > latest.at) latest = { stop, at };
  }
  return latest?.stop;
}

/** Progress kept before visits had a time: its newest pass or save stands in for one. */
function lastActivity(progress: PackProgress): string {
  const times = [
    ...Object.values(progress.exercises).map((exercise) => exercise.passedAt ?? ''),
    ...Object.values(progress.code).map((code) => code.savedAt),
  ];
  return times.reduce((latest, time) => (time > latest ? time : latest), '');
}

/** The first exercise not passed, from the lesson at `from` on, then from the beginning. */
function nextExercise(all: Stop[], from: number, progressOf: ProgressOf): NextStep | undefined {
  for (let offset = 0; offset < all.length; offset++) {
    const stop = all[(from + offset) % all.length]!;
    const progress = progressOf(stop.pack.manifest.id);
    const exercise = exercises(stop.lesson).find(
      (item) => !progress.exercises[exerciseKey(stop.lesson, item)]?.passed,
    );
    if (exercise) return { kind: 'exercise', stop, exercise };
  }
  return undefined;
}

function nextLesson(all: Stop[], from: number, progressOf: ProgressOf): NextStep | undefined {
  const stop = all
    .slice(from + 1)
    .find(({ pack, lesson }) => !lessonDone(lesson, progressOf(pack.manifest.id)));
  return stop && { kind: 'lesson', stop };
}
