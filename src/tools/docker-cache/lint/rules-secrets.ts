/**
 * Secrets baked into the image: sensitive ARG/ENV names (hadolint DL3064, BuildKit's
 * SecretsUsedInArgOrEnv, and Trivy DS031 in the final stage), credential files copied in and
 * credentials written by RUN (the rest of DS031).
 */
import { baseName } from '../paths';
import { buildkitSensitive, hadolintSensitive } from './sensitive';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';
import { buildkitInfo, hadolint, trivyInfo } from './rule-info';

const ds031 = trivyInfo(
  'DS031',
  'error',
  'CRITICAL',
  'Secrets in ENV/ARG, copied credential files and credentials written by RUN all end up readable in the image or its history.',
);

/** Each tool has its own list of names; the finding names the tools whose list matches. */
function sensitiveArgsAndEnvs(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const i of ctx.dockerfile.instructions) {
    if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
    const names = i.pairs.map((p) => p.name);
    const hadolint = names.filter(hadolintSensitive);
    const buildkit = names.filter(buildkitSensitive);
    if (hadolint.length === 0 && buildkit.length === 0) continue;
    const finalStage = i.stage === ctx.finalStage.index;
    out.push({
      line: i.line,
      endLine: i.endLine,
      reportedAs: [
        ...(hadolint.length ? ['DL3064'] : []),
        ...(buildkit.length ? ['SecretsUsedInArgOrEnv'] : []),
        ...(hadolint.length && finalStage ? ['DS031'] : []),
      ],
      ...(hadolint.length
        ? {
            message: `Potentially sensitive data in ${i.keyword}: ${hadolint.join(', ')}`,
            fix: advice(
              'Use `RUN --mount=type=secret,id=<name>` and read /run/secrets/<name> in that RUN.',
            ),
          }
        : {
            message: `Do not use ARG or ENV instructions for sensitive data (${i.keyword} "${buildkit.join('", "')}")`,
            fix: advice('Use `RUN --mount=type=secret,id=<name>` instead.'),
          }),
    });
  }
  return out;
}

const credentialFiles =
  /(^|\/)(\.aws\/credentials|credentials\.json|id_rsa|id_dsa|id_ecdsa|id_ed25519|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.docker\/config\.json|[^/]+\.pem|[^/]+\.key)$/;
const credentialSetup =
  /aws\s+configure\s+set\s+aws_(secret_access_key|access_key_id)|npm\s+config\s+set\s+\S*_auth|git\s+config\s+\S*\s*credential|>\s*~?\S*\/\.(netrc|npmrc|pypirc|git-credentials)|docker\s+login\s+.*-p/;

function credentialsInFinalStage(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const ins of ctx.finalStage.instructions) {
    const file =
      ins.keyword === 'COPY' || ins.keyword === 'ADD'
        ? ins.sources.find((s) => credentialFiles.test(s))
        : undefined;
    if (file !== undefined) {
      out.push({
        line: ins.line,
        endLine: ins.endLine,
        message: `${baseName(file)} looks like a credential file copied into the image`,
        fix: advice('Mount it for the one RUN that needs it: `RUN --mount=type=secret,id=…`.'),
      });
    }
    if (
      ins.keyword === 'RUN' &&
      !ins.mounts.some((m) => m.type === 'secret') &&
      credentialSetup.test(ins.args)
    ) {
      out.push({
        line: ins.line,
        endLine: ins.endLine,
        message: 'Credentials are written by RUN without a secret mount',
        fix: advice('Use `RUN --mount=type=secret,id=…` and read the secret from /run/secrets.'),
      });
    }
  }
  return out;
}

export const secretRules: LintRule[] = [
  hadolint(
    'DL3064',
    'warning',
    'ARG and ENV values are stored in the image config and history for anyone to read. Pass secrets with `RUN --mount=type=secret`, which also keeps them out of the cache key.',
    sensitiveArgsAndEnvs,
    {
      aliases: [
        buildkitInfo(
          'SecretsUsedInArgOrEnv',
          'ARG/ENV values stay in the image metadata; use secret mounts for credentials.',
        ),
        ds031,
      ],
    },
  ),
  { ...ds031, check: credentialsInFinalStage },
];
