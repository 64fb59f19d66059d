/** zod schemas for pack manifests and lesson front matter; types come from them. */
import { z } from 'zod';
import { slugSchema } from '../shared/slug';

const slug = slugSchema('first-steps');

export const packManifestSchema = z
  .object({
    id: slug.describe('Unique id of the pack; part of every lesson URL'),
    title: z.string().min(1).max(120).describe('Shown in the catalogue'),
    description: z.string().min(1).max(2000).describe('One paragraph for the catalogue'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'use MAJOR.MINOR.PATCH, like 1.0.0')
      .describe('Bump it when lessons change; progress is kept across versions'),
    authors: z
      .array(z.string().min(1))
      .min(1)
      .describe('Names (and optional emails) of the authors'),
    licence: z.string().min(1).describe('Licence of the content, e.g. CC-BY-4.0'),
    packages: z
      .array(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a Pyodide package name, like numpy'))
      .default([])
      .describe('Pyodide packages the lessons import (loaded before checks run)'),
    lessons: z
      .array(slug)
      .min(1)
      .describe('Lesson ids in order; each is a <id>.md file beside the manifest'),
    lint: z
      .object({ select: z.array(z.string()).optional(), ignore: z.array(z.string()).optional() })
      .strict()
      .optional()
      .describe("Ruff rule codes to select or ignore in this pack's editors"),
  })
  .strict();

export type PackManifest = z.infer<typeof packManifestSchema>;

export const lessonMetaSchema = z
  .object({
    title: z.string().min(1).max(120).describe('The lesson title'),
    summary: z.string().min(1).max(400).describe('One sentence shown in the lesson list'),
    minutes: z.number().int().min(1).max(240).describe('Estimated minutes to complete'),
  })
  .strict();

export type LessonMeta = z.infer<typeof lessonMetaSchema>;

/** Attributes allowed on each kind of fence or container (everything else is an error). */
export const cellAttributesSchema = z
  .object({
    id: slug.optional(),
    input: z
      .string()
      .optional()
      .describe('Lines for input() when pack check runs the cell, split on |'),
  })
  .strict();
export const exerciseAttributesSchema = z
  .object({ id: slug, title: z.string().min(1).max(120).optional() })
  .strict();
export const projectAttributesSchema = z
  .object({ id: slug.optional(), title: z.string().max(120).optional() })
  .strict();
export const projectFileAttributesSchema = z
  .object({
    file: z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'a relative path like src/app/main.py'),
  })
  .strict();

/** A pack bundled into one file (`pack build`), loadable from a URL or a dropped file. */
export const builtPackSchema = z
  .object({
    format: z.literal('wheelhouse-pack'),
    formatVersion: z.literal(1),
    id: slug,
    version: z.string(),
    files: z.record(z.string().regex(/^[\w.-]+$/, 'a file name without folders'), z.string()),
  })
  .strict();

export type BuiltPack = z.infer<typeof builtPackSchema>;
