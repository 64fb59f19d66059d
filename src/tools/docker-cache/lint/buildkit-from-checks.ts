/** BuildKit build checks about FROM lines, meta ARGs, platforms and stage names. */
import { expand } from '../parse/expand';
import { automaticArgs, froms } from './buildkit-common';
import { advice, type LintContext, type LintRule } from './types';
import { bk } from './rule-info';

function metaArgNames(ctx: LintContext): Set<string> {
  return new Set(ctx.dockerfile.globalArgs.flatMap((a) => a.pairs.map((p) => p.name)));
}

export const buildkitFromChecks: LintRule[] = [
  bk(
    'UndefinedArgInFrom',
    'FROM can only use ARGs declared before the first FROM (and the automatic platform args).',
    (ctx) => {
      const known = metaArgNames(ctx);
      return froms(ctx).flatMap((from) => {
        const used = expand(`${from.image} ${from.platform ?? ''}`, () => '').used;
        const missing = used.filter((n) => !known.has(n) && !automaticArgs.includes(n));
        return missing.length === 0
          ? []
          : [
              {
                line: from.line,
                message: `FROM argument '${missing[0] ?? ''}' is not declared`,
                fix: advice(`Declare \`ARG ${missing[0] ?? ''}=<default>\` before the first FROM.`),
              },
            ];
      });
    },
  ),
  bk(
    'InvalidDefaultArgInFrom',
    'With its default ARG values the FROM line must still name a valid image, or a plain `docker build` fails.',
    (ctx) => {
      const defaults = new Map(
        ctx.dockerfile.globalArgs.flatMap((a) =>
          a.pairs.map((p) => [p.name, p.value ?? ''] as const),
        ),
      );
      return froms(ctx).flatMap((from) => {
        if (!from.image.includes('$')) return [];
        const image = expand(
          from.image,
          (n) => defaults.get(n) ?? (automaticArgs.includes(n) ? 'x' : ''),
        ).value;
        const valid = /^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?(:[\w][\w.-]*)?(@sha256:[0-9a-f]+)?$/.test(
          image,
        );
        return valid
          ? []
          : [
              {
                line: from.line,
                message: `Default value for ARG ${from.image} results in empty or invalid base image name ("${image}")`,
                fix: advice('Give the ARG a default value that forms a valid image reference.'),
              },
            ];
      });
    },
  ),
  bk(
    'FromPlatformFlagConstDisallowed',
    'A constant --platform forces one architecture; use $BUILDPLATFORM/$TARGETPLATFORM or pass --platform to the build.',
    (ctx) =>
      ctx.dockerfile.stages.flatMap((s) => {
        const p = s.from.platform;
        if (
          p === null ||
          p.includes('$') ||
          (s.name !== null && p.split('/').some((part) => s.name?.includes(part)))
        )
          return [];
        return [
          {
            line: s.from.line,
            message: `FROM --platform flag should not use constant value "${p}"`,
            fix: advice('Use `--platform=$BUILDPLATFORM` or drop the flag.'),
          },
        ];
      }),
  ),
  bk(
    'ReservedStageName',
    '`scratch` and `context` have special meanings and cannot name a stage.',
    (ctx) =>
      froms(ctx).flatMap((f) =>
        f.alias !== null && ['scratch', 'context'].includes(f.alias.toLowerCase())
          ? [
              {
                line: f.line,
                message: `'${f.alias}' is reserved and should not be used as a stage name`,
                fix: advice('Pick another stage name.'),
              },
            ]
          : [],
      ),
  ),
];
