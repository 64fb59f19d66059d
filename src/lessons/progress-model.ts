/**
 * A learner's progress in one pack, as stored and as exported (validated when read back).
 * Zod is a large module: the store imports this one only when it reads something back, so a
 * page that never reads progress (the playground) never loads it.
 */
import { z } from 'zod';

const exerciseProgressSchema = z
  .object({
    passed: z.boolean(),
    passedAt: z.string().nullable(),
    hints: z.number().int().min(0),
  })
  .strict();

const savedCodeSchema = z
  .object({
    code: z.string(),
    /** The starter the learner began from: when a pack update changes it, we can say so. */
    base: z.string(),
    savedAt: z.string(),
  })
  .strict();

export const packProgressSchema = z
  .object({
    packId: z.string(),
    lastLesson: z.string().nullable(),
    /** When lastLesson was last opened (ISO 8601); absent in progress kept before it was. */
    lastVisitedAt: z.string().nullable().optional(),
    visited: z.array(z.string()),
    /** Keyed `<lesson>/<exercise>`. */
    exercises: z.record(z.string(), exerciseProgressSchema),
    /** Keyed `<lesson>/<cell or exercise>` or `<lesson>/<project>/<file>`. */
    code: z.record(z.string(), savedCodeSchema),
  })
  .strict();

export type PackProgress = z.infer<typeof packProgressSchema>;
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;
export type SavedCode = z.infer<typeof savedCodeSchema>;

export const progressExportSchema = z
  .object({
    format: z.literal('wheelhouse-progress'),
    formatVersion: z.literal(1),
    exportedAt: z.string(),
    packVersion: z.string(),
    progress: packProgressSchema,
  })
  .strict();

export type ProgressExport = z.infer<typeof progressExportSchema>;
