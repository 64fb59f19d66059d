/**
 * The body of a `docker-lab` block in a lesson: YAML that sets up the lab, optionally on top of
 * a preset (`preset=<name>`). Validated with zod; every problem names its line in the body.
 *
 *   ```docker-lab preset=copy-before-install
 *   dockerignore: |
 *     .git
 *   changes:
 *     - label: Edit app/main.py
 *       files:
 *         app/main.py: print("v2")
 *   ```
 */
import { z } from 'zod';
import { slugSchema } from '../../../shared/slug';
import { parseYaml, validate, type LocatedIssue } from '../../../shared/yaml-source';
import type { LabChange, LabConfig } from './lab-config';
import { findPreset, presetNames } from './presets';

const slug = slugSchema('first-lab');

export const labAttributesSchema = z
  .object({
    id: slug.optional(),
    title: z.string().min(1).max(120).optional().describe('Heading shown above the lab'),
    preset: z.enum(presetNames).optional().describe('A ready-made lab to start from'),
  })
  .strict();

// zod reports a bad record key only as "Invalid key in record", so keys are checked here.
function pathProblem(path: string): string | null {
  if (path === 'Dockerfile' || path === '.dockerignore')
    return 'the Dockerfile and .dockerignore have their own fields (dockerfile, dockerignore)';
  if (path === '' || path.startsWith('/') || path.split('/').includes('..'))
    return 'use a relative path such as src/app.py';
  return null;
}

function keyedRecord<T extends z.ZodType>(value: T, problemOf: (key: string) => string | null) {
  return z.record(z.string(), value).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      const message = problemOf(key);
      if (message) ctx.addIssue({ code: 'custom', path: [key], message });
    }
  });
}

const argProblem = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? null : 'a build arg name like GIT_SHA';
const argValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const buildArgs = keyedRecord(argValue, argProblem);

const changeSchema = z
  .object({
    label: z.string().min(1).max(60).describe('Button text, e.g. "Edit app/main.py"'),
    files: keyedRecord(z.string().nullable(), pathProblem).optional().describe('null deletes'),
    build_args: buildArgs.optional(),
  })
  .strict();

export const labBodySchema = z
  .object({
    dockerfile: z.string().min(1).optional().describe('The Dockerfile the learner starts with'),
    files: keyedRecord(z.string(), pathProblem).optional().describe('The build context'),
    dockerignore: z.string().nullable().optional().describe('null: no .dockerignore'),
    build_args: buildArgs.optional(),
    target: z.string().min(1).optional().describe('--target stage (default: the last)'),
    builder: z.enum(['buildkit', 'classic']).optional(),
    changes: z.array(changeSchema).max(6).optional().describe('One-click edits before Rebuild'),
  })
  .strict();

export type LabAttributes = z.infer<typeof labAttributesSchema>;
type LabBody = z.infer<typeof labBodySchema>;

export type LabBodyResult =
  { ok: true; config: LabConfig } | { ok: false; problems: LocatedIssue[] };

const emptyConfig: LabConfig = {
  dockerfile: '',
  files: {},
  dockerignore: null,
  buildArgs: {},
  target: null,
  builder: 'buildkit',
  changes: [],
};

/** The lab a block describes: the preset (if any), then the body's fields over it. */
export function parseLabBody(body: string, attributes: Record<string, string>): LabBodyResult {
  const preset = attributes['preset'] === undefined ? undefined : findPreset(attributes['preset']);
  const base = preset?.config ?? emptyConfig;
  if (body.trim() === '') {
    return preset
      ? { ok: true, config: base }
      : { ok: false, problems: [{ line: 1, message: 'give the lab a body (YAML) or a preset=' }] };
  }
  const yaml = parseYaml(body);
  if (yaml.errors.length) return { ok: false, problems: yaml.errors };
  const checked = validate(labBodySchema, yaml.data ?? {}, yaml.lineOf);
  if (!checked.ok) return { ok: false, problems: checked.issues };
  const config = merge(base, checked.value);
  const problems = consistency(config, checked.value, yaml.lineOf, preset !== undefined);
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

function merge(base: LabConfig, body: LabBody): LabConfig {
  const changes = body.changes?.map((change): LabChange => ({
    label: change.label,
    files: change.files ?? {},
    buildArgs: change.build_args ?? {},
  }));
  return {
    dockerfile: body.dockerfile ?? base.dockerfile,
    files: body.files ?? base.files,
    dockerignore: body.dockerignore === undefined ? base.dockerignore : body.dockerignore,
    buildArgs: body.build_args ?? base.buildArgs,
    target: body.target ?? base.target,
    builder: body.builder ?? base.builder,
    changes: changes ?? base.changes,
  };
}

/** Stage names declared with `FROM ... AS name` (a light read: no full Dockerfile parse). */
export function stageNames(dockerfile: string): string[] {
  return [...dockerfile.matchAll(/^\s*FROM\s.*?\sAS\s+(\S+)\s*$/gim)].map((m) =>
    m[1]!.toLowerCase(),
  );
}

function consistency(
  config: LabConfig,
  body: LabBody,
  lineOf: (path: ReadonlyArray<PropertyKey>, key?: string) => number,
  hasPreset: boolean,
): LocatedIssue[] {
  const problems: LocatedIssue[] = [];
  if (!config.dockerfile.trim()) {
    problems.push({
      line: 1,
      field: 'dockerfile',
      message: hasPreset ? 'the Dockerfile is empty' : 'a lab without preset= needs a dockerfile',
    });
  }
  if (config.target !== null) {
    const stages = stageNames(config.dockerfile);
    const index = Number(config.target);
    const exists =
      stages.includes(config.target.toLowerCase()) ||
      (Number.isInteger(index) && index >= 0 && index < countStages(config.dockerfile));
    if (!exists) {
      problems.push({
        line: lineOf(['target']),
        field: 'target',
        message: `no stage is named "${config.target}" (stages: ${stages.join(', ') || 'none named'})`,
      });
    }
  }
  config.changes.forEach((change, index) => {
    if (!Object.keys(change.files).length && !Object.keys(change.buildArgs).length) {
      problems.push({
        line: lineOf(['changes', index]),
        field: `changes.${index}`,
        message: 'a change needs files or build_args',
      });
    }
    for (const [path, content] of Object.entries(change.files)) {
      if (content === null && !(path in config.files)) {
        problems.push({
          line: lineOf(['changes', index, 'files'], path),
          field: `changes.${index}.files.${path}`,
          message: `deletes ${path}, which is not in files`,
        });
      }
    }
  });
  const labels = config.changes.map((change) => change.label);
  labels.forEach((label, index) => {
    if (labels.indexOf(label) !== index && body.changes) {
      problems.push({
        line: lineOf(['changes', index, 'label']),
        field: `changes.${index}.label`,
        message: `two changes are labelled "${label}"`,
      });
    }
  });
  return problems;
}

function countStages(dockerfile: string): number {
  return dockerfile.match(/^\s*FROM\s/gim)?.length ?? 0;
}
