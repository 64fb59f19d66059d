/** What "done" means for the catalogue and the lesson list. */
import type { ExerciseBlock, Lesson, Pack } from './model';
import type { PackProgress } from './progress-model';

/** Where an exercise's progress is kept in its pack's progress. */
export function exerciseKey(lesson: Lesson, exercise: ExerciseBlock): string {
  return `${lesson.id}/${exercise.id}`;
}

export function exercises(lesson: Lesson): ExerciseBlock[] {
  return lesson.blocks.filter((block) => block.kind === 'exercise');
}

export function exerciseKeys(lesson: Lesson): string[] {
  return exercises(lesson).map((exercise) => exerciseKey(lesson, exercise));
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
  lessonsVisited: number;
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
    lessonsVisited: pack.lessons.filter((lesson) => progress.visited.includes(lesson.id)).length,
    resume: last ?? pack.lessons.find((lesson) => !lessonDone(lesson, progress)),
  };
}
