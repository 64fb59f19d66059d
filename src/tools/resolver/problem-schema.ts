import { z } from 'zod';
import { ResolverInputError } from './errors';

const specifier = z
  .string()
  .describe(
    'A PEP 440 specifier set such as ">=1.0,<2.0", "~=1.4", "==1.2.*", "!=1.5"; "" is any.',
  );

const dependencies = z
  .record(z.string(), specifier)
  .describe('Dependency name to specifier. Object key order is kept.');

export const problemSchema = z
  .object({
    root: z
      .object({
        name: z.string().describe('The project being resolved.'),
        version: z.string().describe('Its own (single) version.'),
      })
      .strict(),
    requires: dependencies.describe("The root's requirements, in the order they are added."),
    index: z
      .record(z.string(), z.record(z.string(), dependencies))
      .describe('Package name to version to dependencies; a package absent here does not exist.'),
  })
  .strict()
  .describe('A resolver problem, as in the Resolver contract of DESIGN.md.');

export type Problem = z.infer<typeof problemSchema>;

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the problem' : path.map(String).join('.');
}

/** Checks the shape of untrusted input; values (versions, specifiers) are checked by `compile`. */
export function parseProblem(input: unknown): Problem {
  const result = problemSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? describePath(issue.path) : 'the problem';
  throw new ResolverInputError(`Malformed problem at ${where}: ${issue?.message ?? 'invalid'}`, {
    path: where,
  });
}
