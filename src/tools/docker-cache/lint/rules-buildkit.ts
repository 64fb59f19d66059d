/** BuildKit's build checks (`docker build --check`), from moby/buildkit frontend/dockerfile/docs/rules. */
import { expand } from '../expand';
import type { FromInstruction, Instruction } from '../model';
import { contextPath } from '../paths';
import { editFix, keywordRange, replaceLines } from './fixes';
import { execFormFix } from './rules-config';
import { sourceUrl } from './sources-check';
import { undefinedVarFindings } from './undefined-var';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';

const automaticArgs = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
];
const secretPattern =
  /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const publicPattern = /(?:_|^)public(?:_|$)/i;

export function buildkitSecretName(name: string): boolean {
  return secretPattern.test(name) && !publicPattern.test(name);
}

function each(ctx: LintContext, test: (i: Instruction) => RawFinding | null): RawFinding[] {
  return ctx.dockerfile.instructions.map(test).filter((f): f is RawFinding => f !== null);
}

function froms(ctx: LintContext): FromInstruction[] {
  return ctx.dockerfile.stages.map((s) => s.from);
}

function casing(word: string): 'upper' | 'lower' | 'mixed' {
  return word === word.toUpperCase() ? 'upper' : word === word.toLowerCase() ? 'lower' : 'mixed';
}

function metaArgNames(ctx: LintContext): Set<string> {
  return new Set(ctx.dockerfile.globalArgs.flatMap((a) => a.pairs.map((p) => p.name)));
}

function bk(
  id: string,
  explanation: string,
  check: LintRule['check'],
  severity: LintRule['severity'] = 'warning',
): LintRule {
  return { id, tool: 'buildkit', severity, toolSeverity: 'Warning', explanation, check };
}

export const buildkitRules: LintRule[] = [
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
            !sourceUrl(s) &&
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
    'RedundantTargetPlatform',
    '`--platform=$TARGETPLATFORM` is what FROM does by default.',
    (ctx) =>
      froms(ctx).flatMap((f) =>
        f.platform === '$TARGETPLATFORM' || f.platform === '${TARGETPLATFORM}'
          ? [
              {
                line: f.line,
                message:
                  'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
                fix: advice('Remove the --platform flag.'),
              },
            ]
          : [],
      ),
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
  bk(
    'ConsistentInstructionCasing',
    'Mixed upper/lower case keywords are harder to read; keywords are case-insensitive.',
    (ctx) => {
      const all = ctx.dockerfile.instructions;
      const upper = all.filter((i) => casing(i.written) === 'upper').length;
      const want = upper * 2 >= all.length ? 'upper' : 'lower';
      return all
        .filter((i) => casing(i.written) !== want)
        .map((i) => {
          const k = keywordRange(ctx.dockerfile, i);
          const text = want === 'upper' ? i.written.toUpperCase() : i.written.toLowerCase();
          return {
            line: i.line,
            message: `Command '${i.written}' should match the case of the command majority (${want}case)`,
            fix:
              editFix(`write ${text}`, [
                {
                  startLineNumber: k.line,
                  startColumn: k.start,
                  endLineNumber: k.line,
                  endColumn: k.end,
                  text,
                },
              ]) ?? undefined,
          };
        });
    },
    'style',
  ),
  bk(
    'FromAsCasing',
    'The keywords FROM and AS should use the same case.',
    (ctx) =>
      froms(ctx).flatMap((f) => {
        if (f.asWritten === null || casing(f.asWritten) === casing(f.written)) return [];
        const line = ctx.dockerfile.lines[f.line - 1] ?? '';
        const at = line.search(new RegExp(`\\s${f.asWritten}\\s`));
        const text = casing(f.written) === 'lower' ? 'as' : 'AS';
        const fix =
          at === -1
            ? null
            : editFix(`write ${text}`, [
                {
                  startLineNumber: f.line,
                  startColumn: at + 2,
                  endLineNumber: f.line,
                  endColumn: at + 2 + f.asWritten.length,
                  text,
                },
              ]);
        return [
          {
            line: f.line,
            message: `'${f.asWritten}' and '${f.written}' keywords' casing do not match`,
            fix: fix ?? advice(`Write '${text}'.`),
          },
        ];
      }),
    'style',
  ),
  bk(
    'StageNameCasing',
    'Stage names are matched case-insensitively; lowercase names avoid confusion.',
    (ctx) =>
      froms(ctx).flatMap((f) => {
        if (f.alias === null || f.alias === f.alias.toLowerCase()) return [];
        const line = ctx.dockerfile.lines[f.line - 1] ?? '';
        const at = line.lastIndexOf(f.alias);
        const fix = editFix('lowercase the stage name', [
          {
            startLineNumber: f.line,
            startColumn: at + 1,
            endLineNumber: f.line,
            endColumn: at + 1 + f.alias.length,
            text: f.alias.toLowerCase(),
          },
        ]);
        return [
          {
            line: f.line,
            message: `Stage name '${f.alias}' should be lowercase`,
            fix: fix ?? undefined,
          },
        ];
      }),
    'style',
  ),
  bk(
    'LegacyKeyValueFormat',
    '`ENV key value` is the legacy form; `ENV key=value` is unambiguous and allows several pairs.',
    (ctx) =>
      each(ctx, (i) => {
        if ((i.keyword !== 'ENV' && i.keyword !== 'LABEL') || !i.legacyForm) return null;
        const pair = i.pairs[0];
        const value = pair?.value ?? '';
        const text = `${i.written} ${pair?.name ?? ''}=${/[\s"'\\$]/.test(value) ? JSON.stringify(value) : value}`;
        return {
          line: i.line,
          endLine: i.endLine,
          message: `"${i.keyword} key=value" should be used instead of legacy "${i.keyword} key value" format`,
          fix:
            editFix('use key=value', [replaceLines(ctx.dockerfile, i.line, i.endLine, text)]) ??
            undefined,
        };
      }),
    'style',
  ),
  bk('MaintainerDeprecated', 'MAINTAINER is deprecated; use a LABEL.', (ctx) =>
    each(ctx, (i) =>
      i.keyword === 'MAINTAINER'
        ? {
            line: i.line,
            endLine: i.endLine,
            message: 'Maintainer instruction is deprecated in favor of using label',
            fix:
              editFix('use LABEL', [
                replaceLines(
                  ctx.dockerfile,
                  i.line,
                  i.endLine,
                  `LABEL org.opencontainers.image.authors=${JSON.stringify(i.args)}`,
                ),
              ]) ?? undefined,
          }
        : null,
    ),
  ),
  bk('DuplicateStageName', 'Stage names must be unique.', (ctx) =>
    ctx.dockerfile.warnings
      .filter((w) => w.code === 'DuplicateStageName')
      .map((w) => ({
        line: w.line,
        message: w.message.replace(/^line \d+: /, ''),
        fix: advice('Rename one of the stages.'),
      })),
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
  bk(
    'ExposeProtoCasing',
    'Protocols in EXPOSE should be lowercase (tcp/udp).',
    (ctx) =>
      each(ctx, (i) => {
        if (i.keyword !== 'EXPOSE' || !i.values.some((v) => /\/(?=.*[A-Z])/.test(v))) return null;
        const fixed = `${i.written} ${i.values.map((v) => v.replace(/\/(\w+)$/, (_m, p: string) => `/${p.toLowerCase()}`)).join(' ')}`;
        return {
          line: i.line,
          endLine: i.endLine,
          message: 'Defined protocol in EXPOSE should be lowercase',
          fix:
            editFix('lowercase the protocol', [
              replaceLines(ctx.dockerfile, i.line, i.endLine, fixed),
            ]) ?? undefined,
        };
      }),
    'style',
  ),
  bk(
    'ExposeInvalidFormat',
    'EXPOSE takes container ports only; IP addresses and host ports belong to `docker run -p`.',
    (ctx) =>
      each(ctx, (i) =>
        i.keyword === 'EXPOSE' && i.values.some((v) => v.includes(':'))
          ? {
              line: i.line,
              endLine: i.endLine,
              message: 'EXPOSE instruction should not define an IP address or host-port mapping',
              fix: advice('Keep only the container port, e.g. `EXPOSE 8000`.'),
            }
          : null,
      ),
  ),
];
