/**
 * A `resolver-lab` block in a lesson: its attributes, and its body, which is a problem in the
 * text form (or empty, with `preset=`). Problems name their line in the body.
 *
 *   ```resolver-lab preset=linear-failure mode=result
 *   ```
 *   ```resolver-lab title="Your turn" mode=step
 *   root -> foo>=1.0
 *   foo 1.0.0 1.1.0
 *   ```
 */
import { z } from 'zod';
import { labTabs } from './lab-tabs';
import { findPreset, presetNames } from './presets';
import { checkProblemText } from './read-text';

export const resolverLabAttributesSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens (like "my-lab")')
      .optional(),
    title: z.string().min(1).max(120).optional().describe('Heading shown above the lab'),
    preset: z.enum(presetNames).optional().describe('A ready-made index instead of a body'),
    mode: z.enum(labTabs).optional().describe('The view open at first (default: step)'),
  })
  .strict();

export type ResolverLabAttributes = z.infer<typeof resolverLabAttributesSchema>;

/** The problem text a block starts with: its body, or its preset's text. */
export function initialText(body: string, attributes: ResolverLabAttributes): string {
  if (body.trim() !== '') return body.endsWith('\n') ? body : `${body}\n`;
  return (attributes.preset && findPreset(attributes.preset)?.text) || '';
}

/** Line 0 is the fence's own line (its attributes); 1 is the body's first line. */
export function checkLabBody(
  body: string,
  attributes: ResolverLabAttributes,
): Array<{ line: number; message: string }> {
  const hasBody = body.trim() !== '';
  if (hasBody && attributes.preset) {
    return [{ line: 0, message: `give either preset=${attributes.preset} or a body, not both` }];
  }
  if (!hasBody) {
    return attributes.preset
      ? []
      : [{ line: 0, message: 'write a problem in the text form, or name a preset=' }];
  }
  const read = checkProblemText(body);
  return read.ok ? [] : read.problems.map(({ line, message }) => ({ line, message }));
}
