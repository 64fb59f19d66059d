/** Tiny packs for unit tests: lessons with only the exercises a test needs. */
import type { Lesson, PackLoad, PackSource } from './model';
import { packManifestSchema } from './schema';

/** `lesson('intro', ['greet'])`: a lesson with one exercise, `greet`. */
export function lesson(id: string, exerciseIds: string[] = []): Lesson {
  return {
    id,
    file: `${id}.md`,
    meta: { title: `Lesson ${id}`, summary: 'A lesson.', minutes: 5 },
    blocks: exerciseIds.map((exercise, index) => ({
      kind: 'exercise',
      line: index + 1,
      id: exercise,
      title: `Exercise ${exercise}`,
      language: 'python',
      prompt: '',
      starter: '',
      solution: '',
      checks: '',
      hints: [],
    })),
  };
}

export function packLoad(
  id: string,
  lessons: Lesson[],
  source: PackSource = { kind: 'builtin' },
): PackLoad {
  const manifest = packManifestSchema.parse({
    id,
    title: `Pack ${id}`,
    description: 'A pack.',
    version: '1.0.0',
    authors: ['Someone'],
    licence: 'CC-BY-4.0',
    lessons: lessons.map((item) => item.id),
  });
  return { ok: true, pack: { manifest, lessons }, source };
}

export function brokenLoad(id: string): PackLoad {
  return { ok: false, id, title: id, issues: [], source: { kind: 'builtin' } };
}
