/** The one rule for ids that appear in URLs and progress keys: packs, lessons, blocks, labs. */
import { z } from 'zod';

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** A zod schema for a slug; `example` shows the author what one looks like. */
export function slugSchema(example: string) {
  return z.string().regex(SLUG, `use lowercase letters, digits and hyphens (like "${example}")`);
}

/** Turns a title or file name into a slug ("My First Pack!" -> "my-first-pack"). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
