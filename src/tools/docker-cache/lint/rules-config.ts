/** Rules about config instructions: WORKDIR, COPY destinations, USER, ADD. */
import type { Stage } from '../model';

import { addDoesMore, stageChain } from './helpers';
import { editFix, keywordRange } from './fixes';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';
import { buildkitInfo, hadolint, trivyInfo } from './rule-info';

function absolute(path: string): boolean {
  const clean = path.replace(/^["']|["']$/g, '');
  return clean.startsWith('/') || clean.startsWith('$') || /^[A-Za-z]:[\\/]/.test(clean);
}

function isRoot(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

function workdirSetBefore(ctx: LintContext, stage: Stage, line: number): boolean {
  return stageChain(ctx, stage).some((s) =>
    s.instructions.some((i) => i.keyword === 'WORKDIR' && (s !== stage || i.line < line)),
  );
}

/**
 * hadolint DL3000 flags every WORKDIR that is not absolute; BuildKit's WorkdirRelativePath only
 * one with no absolute WORKDIR before it in the stage (or its parent), and it reads quoted or
 * drive-letter paths as relative.
 */
function relativeWorkdirs(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    let absoluteSeen =
      ctx
        .parentStage(stage)
        ?.instructions.some((i) => i.keyword === 'WORKDIR' && i.args.startsWith('/')) ?? false;
    for (const i of stage.instructions) {
      if (i.keyword !== 'WORKDIR') continue;
      const hadolint = !absolute(i.args);
      const buildkit = !i.args.startsWith('/') && !i.args.startsWith('$') && !absoluteSeen;
      if (i.args.startsWith('/')) absoluteSeen = true;
      if (!hadolint && !buildkit) continue;
      out.push({
        line: i.line,
        endLine: i.endLine,
        reportedAs: [...(hadolint ? ['DL3000'] : []), ...(buildkit ? ['WorkdirRelativePath'] : [])],
        ...(hadolint
          ? {
              message: `Use an absolute WORKDIR (not "${i.args}")`,
              fix: advice(
                `Write \`WORKDIR /${i.args.replace(/^\.\//, '')}\` or another absolute path.`,
              ),
            }
          : {
              message: `Relative workdir "${i.args}" can have unexpected results if the base image changes`,
              fix: advice('Use an absolute path.'),
            }),
      });
    }
  }
  return out;
}

/**
 * The last USER of a stage is root (hadolint DL3002); in the final stage Trivy's DS002 agrees,
 * and also flags a final stage with no USER at all.
 */
function rootUsers(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const users = stage.instructions.filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    const final = stage.index === ctx.finalStage.index;
    if (last && isRoot(last.args))
      out.push({
        line: last.line,
        message: 'The last USER should not be root',
        fix: advice('Add `USER <non-root user>` after the steps that need root.'),
        reportedAs: final ? ['DL3002', 'DS002'] : ['DL3002'],
      });
    if (!last && final)
      out.push({
        line: stage.from.line,
        message: 'Specify at least one USER that is not root',
        fix: advice('Add `RUN useradd --create-home app` and `USER app` near the end.'),
        reportedAs: ['DS002'],
      });
  }
  return out;
}

export const configRules: LintRule[] = [
  hadolint(
    'DL3000',
    'error',
    "A relative WORKDIR depends on the base image's WORKDIR; if the base changes it, your paths move silently.",
    relativeWorkdirs,
    {
      aliases: [
        buildkitInfo(
          'WorkdirRelativePath',
          "A relative WORKDIR with no absolute WORKDIR before it depends on the base image's working directory.",
        ),
      ],
    },
  ),
  hadolint(
    'DL3045',
    'warning',
    "A relative COPY destination lands in the base image's working directory, which you did not choose; set WORKDIR first.",
    (ctx) => {
      const out: RawFinding[] = [];
      for (const stage of ctx.dockerfile.stages) {
        for (const ins of stage.instructions) {
          if (
            ins.keyword !== 'COPY' ||
            absolute(ins.dest) ||
            workdirSetBefore(ctx, stage, ins.line)
          )
            continue;
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: 'COPY to a relative destination without WORKDIR set',
            fix: advice('Add `WORKDIR /app` before this COPY, or use an absolute destination.'),
          });
        }
      }
      return out;
    },
  ),
  hadolint(
    'DL3067',
    'warning',
    'Copying a whole filesystem from another stage brings every build tool along and undoes the point of a multi-stage build.',
    (ctx) =>
      ctx.dockerfile.instructions
        .filter(
          (i) =>
            i.keyword === 'COPY' &&
            i.from !== null &&
            i.sources.length === 1 &&
            i.sources[0] === '/' &&
            i.dest === '/',
        )
        .map((i) => ({
          line: i.line,
          endLine: i.endLine,
          message: 'Do not copy the whole filesystem from another stage',
          fix: advice(
            'Copy only the artifacts you need, e.g. `COPY --from=build /app/dist /app/dist`.',
          ),
        })),
  ),
  hadolint(
    'DL3002',
    'warning',
    'The container would run as root; a compromise of the app becomes root in the container.',
    rootUsers,
    {
      aliases: [
        trivyInfo(
          'DS002',
          'error',
          'HIGH',
          'The image runs as root when the last USER is root or when no USER is set at all.',
        ),
      ],
    },
  ),
  hadolint(
    'DL3020',
    'error',
    'COPY says exactly what it does; ADD also fetches URLs and unpacks archives. For plain local files both are cached the same way, so prefer COPY.',
    (ctx) =>
      ctx.dockerfile.instructions.flatMap((i) => {
        if (i.keyword !== 'ADD' || i.heredocs.length > 0 || i.sources.every(addDoesMore)) return [];
        const k = keywordRange(ctx.dockerfile, i);
        const fix = editFix('use COPY', [
          {
            startLineNumber: k.line,
            startColumn: k.start,
            endLineNumber: k.line,
            endColumn: k.end,
            text: i.written === 'add' ? 'copy' : 'COPY',
          },
        ]);
        return [
          {
            line: i.line,
            endLine: i.endLine,
            message: 'Use COPY instead of ADD for files and folders',
            fix: fix ?? advice('Use COPY.'),
          },
        ];
      }),
    {
      aliases: [
        trivyInfo(
          'DS005',
          'info',
          'LOW',
          'ADD of plain local files does what COPY does, with surprises (URL fetches, archive extraction).',
        ),
      ],
    },
  ),
];
