/** What "done" means for the catalogue and the lesson list. */
import type { Lesson, Pack } from './model';
import type { PackProgress } from './progress-model';

export function exerciseKeys(lesson: Lesson): string[] {
  return lesson.blocks.flatMap((block) =>
    block.kind === 'exercise' ? [`${lesson.id}/${block.id}`] : [],
  );
}

/** A lesson is done when all its exercises pass, or, without exercises, once it was visited. */
export function lessonDone(lesson: Lesson, progress: PackProgress): boolean {
  const keys = exerciseKeys(lesson);
  return keys.length
    ? keys.every((key) => progress.exercises[key]?.passed)
    : progress.visited.includes(lesson.id);
}

export interface PackSummary {
  exercises: number;
  passed: number;
  lessonsDone: number;
  /** The lesson to continue with: the last one opened, else the first not done. */
  resume: Lesson | undefined;
}

export function summarise(pack: Pack, progress: PackProgress): PackSummary {
  const keys = pack.lessons.flatMap(exerciseKeys);
  const last = pack.lessons.find((lesson) => lesson.id === progress.lastLesson);
  return {
    exercises: keys.length,
    passed: keys.filter((key) => progress.exercises[key]?.passed).length,
    lessonsDone: pack.lessons.filter((lesson) => lessonDone(lesson, progress)).length,
    resume: last ?? pack.lessons.find((lesson) => !lessonDone(lesson, progress)),
  };
}
