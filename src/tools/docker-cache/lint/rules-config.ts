/** hadolint rules about config instructions: WORKDIR, COPY destinations, USER, ARG/ENV secrets, ADD. */
import type { Stage } from '../model';

import { addDoesMore, stageChain } from './helpers';
import { editFix, keywordRange } from './fixes';
import { hadolintSensitive } from './sensitive';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';

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

export const configRules: LintRule[] = [
  {
    id: 'DL3000',
    tool: 'hadolint',
    severity: 'error',
    toolSeverity: 'Error',
    explanation:
      "A relative WORKDIR depends on the base image's WORKDIR; if the base changes it, your paths move silently.",
    check: (ctx) =>
      ctx.dockerfile.instructions
        .filter((i) => i.keyword === 'WORKDIR' && !absolute(i.args))
        .map((i) => ({
          line: i.line,
          endLine: i.endLine,
          message: `Use an absolute WORKDIR (not "${i.args}")`,
          fix: advice(
            `Write \`WORKDIR /${i.args.replace(/^\.\//, '')}\` or another absolute path.`,
          ),
        })),
  },
  {
    id: 'DL3045',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      "A relative COPY destination lands in the base image's working directory, which you did not choose; set WORKDIR first.",
    check(ctx) {
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
  },
  {
    id: 'DL3067',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      'Copying a whole filesystem from another stage brings every build tool along and undoes the point of a multi-stage build.',
    check: (ctx) =>
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
  },
  {
    id: 'DL3002',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      'The container would run as root; a compromise of the app becomes root in the container.',
    check(ctx) {
      const out: RawFinding[] = [];
      for (const stage of ctx.dockerfile.stages) {
        const users = stage.instructions.filter((i) => i.keyword === 'USER');
        const last = users[users.length - 1];
        if (last && isRoot(last.args))
          out.push({
            line: last.line,
            message: 'The last USER should not be root',
            fix: advice('Add `USER <non-root user>` after the steps that need root.'),
          });
      }
      return out;
    },
  },
  {
    id: 'DL3064',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      'ARG and ENV values are stored in the image config and history for anyone to read. Pass secrets with `RUN --mount=type=secret`, which also keeps them out of the cache key.',
    check: (ctx) =>
      ctx.dockerfile.instructions.flatMap((i) =>
        (i.keyword === 'ARG' || i.keyword === 'ENV') &&
        i.pairs.some((p) => hadolintSensitive(p.name))
          ? [
              {
                line: i.line,
                endLine: i.endLine,
                message: `Potentially sensitive data in ${i.keyword}: ${i.pairs
                  .filter((p) => hadolintSensitive(p.name))
                  .map((p) => p.name)
                  .join(', ')}`,
                fix: advice(
                  'Use `RUN --mount=type=secret,id=<name>` and read /run/secrets/<name> in that RUN.',
                ),
              },
            ]
          : [],
      ),
  },
  {
    id: 'DL3020',
    tool: 'hadolint',
    severity: 'error',
    toolSeverity: 'Error',
    explanation:
      'COPY says exactly what it does; ADD also fetches URLs and unpacks archives. For plain local files both are cached the same way, so prefer COPY.',
    check: (ctx) =>
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
  },
];
