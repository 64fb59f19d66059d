/**
 * The scenario JSON (format in shared/examples/docker-cache-scenarios.json `_format`), validated
 * with zod, and turned into the two builds it describes. Absent `*_after` fields mean "same as
 * before", like `files_after`.
 */
import { z } from 'zod';

const status = z.enum(['hit', 'miss', 'meta', 'skipped']);
const fileMap = z.record(
  z.string().max(1024, 'paths longer than 1024 characters are refused'),
  z.string(),
);
const octalMode = z
  .string()
  .regex(/^0?[0-7]{3,4}$/, 'must be an octal file mode such as "0644" or "0755"');

const maxFiles = 20_000;
const maxContextChars = 50_000_000;

export const scenarioSchema = z
  .object({
    name: z.string().optional().describe('case name'),
    dockerfile: z.string().describe('Dockerfile of both builds unless dockerfile_after is given'),
    dockerfile_after: z.string().optional(),
    dockerignore: z.string().optional().describe('.dockerignore text (also a context file)'),
    dockerignore_after: z.string().optional(),
    files_before: fileMap.default({}).describe('context tree of the first build: {path: content}'),
    files_after: fileMap.optional(),
    file_modes_before: z.record(z.string(), octalMode).optional(),
    file_modes_after: z.record(z.string(), octalMode).optional(),
    touched_after: z.array(z.string()).optional().describe('paths whose mtime alone changed'),
    build_args_before: fileMap.optional(),
    build_args_after: fileMap.optional(),
    build_flags_after: z.array(z.string()).optional().describe('e.g. --no-cache, --pull'),
    target: z.string().optional(),
    base_images_before: fileMap.optional().describe('{image ref: digest}'),
    base_images_after: fileMap.optional(),
    remote_before: fileMap.optional().describe('content served by URLs used in ADD'),
    remote_after: fileMap.optional(),
    reproducible_outputs: z
      .array(z.string().regex(/^[^:]+:.+$/, 'must look like "stage:/path"'))
      .optional(),
    sim_hints: z.object({ cache_mount_warm: z.boolean().optional() }).optional(),
    instructions: z.array(z.string()).optional(),
    expect: z.array(status).optional(),
    expect_legacy: z.array(status).nullable().optional(),
    stages_built: z.record(z.string(), z.boolean()).optional(),
    stages_built_legacy: z.record(z.string(), z.boolean()).optional(),
    why: z.string().optional(),
    rules: z.array(z.string()).optional(),
    advice: z.array(z.string()).optional(),
    confidence: z.string().optional(),
  })
  .superRefine((scenario, ctx) => {
    for (const key of ['files_before', 'files_after'] as const) {
      const files = scenario[key];
      if (files === undefined) continue;
      const entries = Object.entries(files);
      const chars = entries.reduce((sum, [, content]) => sum + content.length, 0);
      if (entries.length > maxFiles) {
        ctx.addIssue({ code: 'custom', path: [key], message: `more than ${maxFiles} files` });
      }
      if (chars > maxContextChars) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'more than 50 MB of content' });
      }
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type StepStatus = z.infer<typeof status>;

export const knownScenarioKeys = Object.keys(scenarioSchema.shape);

export type ScenarioCheck =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: string[] };

/** Validate untrusted JSON; each error names the field path, e.g. `files_before.app.py`. */
export function validateScenario(data: unknown): ScenarioCheck {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join('.');
        return `${field === '' ? '(scenario)' : field}: ${issue.message}`;
      }),
    };
  }
  const warnings =
    typeof data === 'object' && data !== null
      ? Object.keys(data)
          .filter((key) => !key.startsWith('_') && !knownScenarioKeys.includes(key))
          .map((key) => `${key}: unknown field, ignored`)
      : [];
  return { ok: true, scenario: parsed.data, warnings };
}
