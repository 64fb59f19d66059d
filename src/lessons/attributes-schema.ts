import type { z } from 'zod';
import type { LocatedIssue } from '../shared/yaml-source';

/** Validates a fence's or container's attributes, reporting problems on its line. */
export function attributesOf<T extends z.ZodType>(
  source: { line: number; attributes: Record<string, string> },
  schema: T,
  issues: LocatedIssue[],
): z.infer<T> | undefined {
  const result = schema.safeParse(source.attributes);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown attribute "${field}"`
        : `attribute ${field}: ${issue.message}`;
    issues.push({ line: source.line, field: field || undefined, message });
  }
  return undefined;
}
