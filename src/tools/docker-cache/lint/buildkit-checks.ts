/** BuildKit build checks about what instructions read and declare. */
import { contextPath } from '../paths';
import { bk, each } from './buildkit-common';
import { execFormFix } from './rules-cmd';
import { isUrl } from '../sources';
import { undefinedVarFindings } from './undefined-var';
import { advice, type LintRule, type RawFinding } from './types';

const secretPattern =
  /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const publicPattern = /(?:_|^)public(?:_|$)/i;

export function buildkitSecretName(name: string): boolean {
  return secretPattern.test(name) && !publicPattern.test(name);
}

export const buildkitChecks: LintRule[] = [
  bk(
    'CopyIgnoredFile',
    'A path excluded by .dockerignore is not in the build context, so COPY/ADD of it fails (the flip side of R-IGNORE).',
    (ctx) => {
      const ignore = ctx.ignore;
      if (ignore === null) return [];
      return each(ctx, (i) => {
        if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || i.from !== null) return null;
        const hit = i.sources.find(
          (s) =>
            !isUrl(s) &&
            !s.startsWith('<<') &&
            !/[*?[$]/.test(s) &&
            contextPath(s) !== '.' &&
            ignore.ignores(contextPath(s)),
        );
        return hit
          ? {
              line: i.line,
              endLine: i.endLine,
              message: `${hit} is excluded by .dockerignore, so ${i.keyword} cannot copy it`,
              fix: advice(
                `Remove the pattern that excludes ${hit} from .dockerignore, or stop copying it.`,
              ),
            }
          : null;
      });
    },
  ),
  bk(
    'JSONArgsRecommended',
    'Shell-form CMD/ENTRYPOINT run under `/bin/sh -c`, which does not pass signals on to your app.',
    (ctx) =>
      each(ctx, (i) =>
        (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && i.command.form === 'shell'
          ? {
              line: i.line,
              endLine: i.endLine,
              message: `JSON arguments recommended for ${i.keyword} to prevent unintended behavior related to OS signals`,
              fix: execFormFix(ctx, i, i.command, ''),
            }
          : null,
      ),
  ),
  bk(
    'SecretsUsedInArgOrEnv',
    'ARG/ENV values stay in the image metadata; use secret mounts for credentials.',
    (ctx) =>
      each(ctx, (i) => {
        if (i.keyword !== 'ARG' && i.keyword !== 'ENV') return null;
        const names = i.pairs.map((p) => p.name).filter(buildkitSecretName);
        return names.length === 0
          ? null
          : {
              line: i.line,
              endLine: i.endLine,
              message: `Do not use ARG or ENV instructions for sensitive data (${i.keyword} "${names.join('", "')}")`,
              fix: advice('Use `RUN --mount=type=secret,id=<name>` instead.'),
            };
      }),
  ),
  bk(
    'UndefinedVar',
    'An undefined variable expands to an empty string; a typo such as $PAHT silently gives the same cache key as no value at all.',
    undefinedVarFindings,
  ),
  bk(
    'WorkdirRelativePath',
    "A relative WORKDIR with no absolute WORKDIR before it depends on the base image's working directory.",
    (ctx) => {
      const out: RawFinding[] = [];
      for (const stage of ctx.dockerfile.stages) {
        let absoluteSeen =
          ctx
            .parentStage(stage)
            ?.instructions.some((i) => i.keyword === 'WORKDIR' && i.args.startsWith('/')) ?? false;
        for (const i of stage.instructions) {
          if (i.keyword !== 'WORKDIR') continue;
          if (!i.args.startsWith('/') && !i.args.startsWith('$') && !absoluteSeen)
            out.push({
              line: i.line,
              endLine: i.endLine,
              message: `Relative workdir "${i.args}" can have unexpected results if the base image changes`,
              fix: advice('Use an absolute path.'),
            });
          if (i.args.startsWith('/')) absoluteSeen = true;
        }
      }
      return out;
    },
  ),
  bk(
    'MultipleInstructionsDisallowed',
    'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage is used.',
    (ctx) => {
      const out: RawFinding[] = [];
      for (const stage of ctx.dockerfile.stages) {
        for (const keyword of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const) {
          for (const i of stage.instructions.filter((x) => x.keyword === keyword).slice(1)) {
            out.push({
              line: i.line,
              endLine: i.endLine,
              message: `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`,
              fix: advice(`Keep one ${keyword}.`),
            });
          }
        }
      }
      return out;
    },
  ),
  bk(
    'NoEmptyContinuation',
    'A blank line inside a continued instruction is ignored today but will be an error in a future Dockerfile syntax.',
    (ctx) =>
      ctx.dockerfile.warnings
        .filter((w) => w.code === 'NoEmptyContinuation')
        .map((w) => ({
          line: w.line,
          message: 'Empty continuation line',
          fix: {
            kind: 'edit' as const,
            description: 'remove the empty line',
            edits: [
              {
                startLineNumber: w.line,
                startColumn: 1,
                endLineNumber: w.line + 1,
                endColumn: 1,
                text: '',
              },
            ],
          },
        })),
  ),
];
