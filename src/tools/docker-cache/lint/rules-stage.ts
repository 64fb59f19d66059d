/** hadolint rules about FROM lines and the stage graph. */
import type { FromInstruction, Stage } from '../model';
import { findStage } from '../parse';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';
import { buildkitInfo, hadolint } from './rule-info';

function fromLines(
  ctx: LintContext,
  test: (from: FromInstruction, stage: Stage) => string | null,
  fix: string,
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const message = test(stage.from, stage);
    if (message)
      out.push({ line: stage.from.line, endLine: stage.from.endLine, message, fix: advice(fix) });
  }
  return out;
}

/** An image reference (not scratch, not an earlier stage, not a variable). */
function imageRef(ctx: LintContext, from: FromInstruction, stage: Stage): string | null {
  const image = from.image;
  if (image.toLowerCase() === 'scratch' || image.startsWith('$')) return null;
  if (ctx.parentStage(stage) !== null) return null;
  return image;
}

function tagOf(image: string): string | null {
  const noDigest = image.split('@')[0] ?? image;
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  return last.includes(':') ? (last.split(':')[1] ?? '') : null;
}

function registryOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  return image.includes('/') &&
    (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'docker.io';
}

export const stageRules: LintRule[] = [
  hadolint(
    'DL3006',
    'warning',
    'Without a tag, FROM means `:latest`, which moves; every move re-runs every step once the new digest is pulled.',
    (ctx) =>
      fromLines(
        ctx,
        (from, stage) => {
          const image = imageRef(ctx, from, stage);
          return image !== null && !image.includes('@') && tagOf(image) === null
            ? `Always tag the image version explicitly: ${image}:<tag>`
            : null;
        },
        'Name a version, e.g. `FROM python:3.12-slim`.',
      ),
  ),
  hadolint(
    'DL3007',
    'warning',
    '`:latest` is mutable: a new digest behind it invalidates every layer once re-resolved (R-FROM). Pin a version, or `@sha256:` for a deterministic cache.',
    (ctx) =>
      fromLines(
        ctx,
        (from, stage) => {
          const image = imageRef(ctx, from, stage);
          return image !== null && !image.includes('@') && tagOf(image) === 'latest'
            ? 'Using :latest is prone to errors; pin a version'
            : null;
        },
        'Replace `:latest` with a version tag (and optionally `@sha256:<digest>`).',
      ),
  ),
  hadolint(
    'DL3026',
    'error',
    'Images from registries outside the allowed list are a supply-chain risk.',
    (ctx) => {
      const allowed = ctx.options.allowedRegistries;
      if (!allowed || allowed.length === 0) return [];
      return fromLines(
        ctx,
        (from, stage) => {
          const image = imageRef(ctx, from, stage);
          const registry = image === null ? null : registryOf(image);
          return registry !== null && !allowed.includes(registry)
            ? `Use only an allowed registry in FROM (${registry} is not in ${allowed.join(', ')})`
            : null;
        },
        `Use an image from ${allowed.join(', ')}.`,
      );
    },
  ),
  hadolint(
    'DL3029',
    'warning',
    'A hard-wired --platform makes the Dockerfile build one architecture only; pass --platform to `docker build` instead.',
    (ctx) =>
      fromLines(
        ctx,
        (from) => (from.platform ? 'Do not use --platform with FROM' : null),
        'Remove --platform and pass it on the command line.',
      ),
  ),
  hadolint(
    'DL3065',
    'warning',
    '`--platform=$TARGETPLATFORM` is what FROM does anyway.',
    (ctx) =>
      fromLines(
        ctx,
        (from) =>
          from.platform === '$TARGETPLATFORM' || from.platform === '${TARGETPLATFORM}'
            ? 'Setting FROM --platform to $TARGETPLATFORM is redundant'
            : null,
        'Remove `--platform=$TARGETPLATFORM`.',
      ),
    {
      aliases: [
        buildkitInfo(
          'RedundantTargetPlatform',
          '`--platform=$TARGETPLATFORM` is what FROM does by default.',
        ),
      ],
    },
  ),
  hadolint(
    'DL3022',
    'warning',
    'COPY --from should name an earlier stage (or a full image reference); otherwise Docker pulls an image by that name.',
    (ctx) => {
      const out: RawFinding[] = [];
      for (const ins of ctx.dockerfile.instructions) {
        if (ins.keyword !== 'COPY' || ins.from === null || /[:/@$]/.test(ins.from)) continue;
        const stage = findStage(ctx.dockerfile, ins.from);
        if (stage === undefined || stage.index > (ins.stage ?? 0)) {
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: `COPY --from=${ins.from} does not name an earlier stage`,
            fix: advice('Name a stage defined above with `FROM ... AS <name>`.'),
          });
        }
      }
      return out;
    },
  ),
  hadolint(
    'DL3023',
    'error',
    'A stage cannot copy from itself: the files do not exist yet.',
    (ctx) => {
      const out: RawFinding[] = [];
      for (const ins of ctx.dockerfile.instructions) {
        if (ins.keyword !== 'COPY' || ins.from === null || ins.stage === null) continue;
        if (findStage(ctx.dockerfile, ins.from)?.index === ins.stage) {
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: `COPY --from=${ins.from} refers to the stage it is in`,
            fix: advice('Copy from an earlier stage.'),
          });
        }
      }
      return out;
    },
  ),
  hadolint(
    'DL3024',
    'error',
    'Stage names must be unique; the build refuses duplicates.',
    (ctx) =>
      ctx.dockerfile.warnings
        .filter((w) => w.code === 'DuplicateStageName')
        .map((w) => ({
          line: w.line,
          message: 'FROM aliases (stage names) must be unique',
          fix: advice('Rename one of the stages.'),
        })),
    {
      aliases: [buildkitInfo('DuplicateStageName', 'Stage names must be unique.')],
    },
  ),
  hadolint(
    'DL3057',
    'info',
    'A HEALTHCHECK lets Docker report whether the app inside is actually working.',
    (ctx) => {
      const stage = ctx.finalStage;
      if (stage.instructions.some((i) => i.keyword === 'HEALTHCHECK')) return [];
      return [
        {
          line: stage.from.line,
          message: 'HEALTHCHECK instruction missing',
          fix: advice('Add e.g. `HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1`.'),
        },
      ];
    },
    { toolSeverity: 'Ignore', defaultOff: true },
  ),
];
