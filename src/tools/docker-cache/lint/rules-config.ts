/** hadolint rules about config instructions: WORKDIR, USER, CMD, ENV/ARG, ADD. */
import type { CommandForm, Instruction, Stage } from '../model';
import { splitWords } from '../parse-text';
import { sourceUrl } from './sources-check';
import { deleteLines, editFix, keywordRange, replaceLines } from './fixes';
import { stageChain } from './helpers';
import { advice, type LintContext, type LintFix, type LintRule, type RawFinding } from './types';

export const sensitiveNames = [
  'ACCESS_TOKEN',
  'APPLICATION_KEY',
  'APP_SECRET',
  'AUTH_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY',
  'BITTREX_API_SECRET',
  'CF_PASSWORD',
  'CF_USERNAME',
  'CIRCLE_TOKEN',
  'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER',
  'DOCKERHUB_PASSWORD',
  'DOCKER_EMAIL',
  'DOCKER_PASSWORD',
  'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_ID',
  'FACEBOOK_APP_SECRET',
  'FIREBASE_API_TOKEN',
  'FIREBASE_TOKEN',
  'FOSSA_API_KEY',
  'GH_ENTERPRISE_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GITHUB_TOKEN',
  'HEROKU_API_KEY',
  'HEROKU_API_USER',
  'NPM_AUTH_TOKEN',
  'NPM_TOKEN',
  'OKTA_AUTHN_GROUPID',
  'OKTA_CLIENT_ORGURL',
  'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID',
  'OKTA_OAUTH2_CLIENTSECRET',
  'OPENAI_API_KEY',
  'OS_PASSWORD',
  'OS_USERNAME',
  'POSTGRES_PASSWORD',
  'SLACK_TOKEN',
  'STRIPE_API_KEY',
  'STRIPE_DEVICE_NAME',
  'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS',
  'TRAVIS_SUDO',
  'VAULT_CLIENT_KEY',
  'VAULT_TOKEN',
];
const suspicious = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

export function hadolintSensitive(name: string): boolean {
  return (
    sensitiveNames.includes(name.toUpperCase()) ||
    suspicious.some((s) => name.toLowerCase().includes(s))
  );
}

/** Exec form for a shell-form command when that is mechanical (plain words, no shell syntax). */
export function execFormFix(
  ctx: LintContext,
  ins: Instruction,
  command: CommandForm,
  prefix: string,
): LintFix {
  if (command.form === 'shell' && !/[$`|&;<>(){}*?~\\]/.test(command.text)) {
    const argv = splitWords(command.text).map((w) => JSON.stringify(w));
    const text = `${ins.written} ${prefix}[${argv.join(', ')}]`;
    const fix = editFix('use exec (JSON) form', [
      replaceLines(ctx.dockerfile, ins.line, ins.endLine, text),
    ]);
    if (fix) return fix;
  }
  return advice(
    'Use the exec form, e.g. `CMD ["python", "app.py"]`; put shell logic in a script that ends with `exec`.',
  );
}

function absolute(path: string): boolean {
  const clean = path.replace(/^["']|["']$/g, '');
  return clean.startsWith('/') || clean.startsWith('$') || /^[A-Za-z]:[\\/]/.test(clean);
}

function isRoot(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

function repeated(ctx: LintContext, keyword: 'CMD' | 'ENTRYPOINT'): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const all = stage.instructions.filter((i) => i.keyword === keyword);
    for (const later of all.slice(1)) {
      const earlier = all[all.indexOf(later) - 1] as Instruction;
      out.push({
        line: later.line,
        endLine: later.endLine,
        message: `Multiple ${keyword} instructions found; only the last one takes effect`,
        fix:
          editFix(`remove the earlier ${keyword} on line ${earlier.line}`, [
            deleteLines(ctx.dockerfile, earlier.line, earlier.endLine),
          ]) ?? advice(`Keep one ${keyword}.`),
      });
    }
  }
  return out;
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
    id: 'DL3025',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      'Shell form wraps the process in `/bin/sh -c`, so PID 1 is the shell and SIGTERM never reaches your app: `docker stop` waits, then kills it.',
    check(ctx) {
      const out: RawFinding[] = [];
      for (const ins of ctx.dockerfile.instructions) {
        if (
          (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') &&
          ins.command.form === 'shell'
        ) {
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: `Use the JSON (exec) form for ${ins.keyword}`,
            fix: execFormFix(ctx, ins, ins.command, ''),
          });
        }
        if (ins.keyword === 'HEALTHCHECK' && ins.command?.form === 'shell') {
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: 'Use the JSON (exec) form for HEALTHCHECK CMD',
            fix: advice('Write `HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]`.'),
          });
        }
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
    id: 'DL4003',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation: 'Only the last CMD of a stage takes effect; earlier ones mislead readers.',
    check: (ctx) => repeated(ctx, 'CMD'),
  },
  {
    id: 'DL4004',
    tool: 'hadolint',
    severity: 'error',
    toolSeverity: 'Error',
    explanation: 'Only the last ENTRYPOINT of a stage takes effect; earlier ones mislead readers.',
    check: (ctx) => repeated(ctx, 'ENTRYPOINT'),
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
        if (
          i.keyword !== 'ADD' ||
          i.heredocs.length > 0 ||
          i.sources.every((s) => sourceUrl(s) || /\.(tar|tgz|gz|bz2|xz|zip|tar\.\w+)$/.test(s))
        )
          return [];
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
