/** Trivy misconfiguration checks (aquasecurity/trivy-checks, checks/docker) that overlap cache advice. */
import { baseName } from '../paths';
import { runs, type ShellCommand } from '../shell';
import { hadolintSensitive } from './sensitive';
import { addDoesMore } from './helpers';
import { perRun } from './run-rule';
import { advice, type LintRule, type RawFinding } from './types';

const managers = /^(apt-get|apt|apk|yum|dnf|microdnf|zypper)$/;
const installWords = [
  'install',
  'upgrade',
  'add',
  'in',
  'reinstall',
  'source-install',
  'groupinstall',
  'localinstall',
  'dist-upgrade',
];

export function updatesIndex(cmd: ShellCommand): boolean {
  return runs(cmd, managers, ['update', 'refresh', 'ref', 'makecache']);
}

export function installsPackages(cmd: ShellCommand): boolean {
  return runs(cmd, managers, installWords);
}

const credentialFiles =
  /(^|\/)(\.aws\/credentials|credentials\.json|id_rsa|id_dsa|id_ecdsa|id_ed25519|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.docker\/config\.json|[^/]+\.pem|[^/]+\.key)$/;
const credentialSetup =
  /aws\s+configure\s+set\s+aws_(secret_access_key|access_key_id)|npm\s+config\s+set\s+\S*_auth|git\s+config\s+\S*\s*credential|>\s*~?\S*\/\.(netrc|npmrc|pypirc|git-credentials)|docker\s+login\s+.*-p/;

export const trivyRules: LintRule[] = [
  {
    id: 'DS002',
    tool: 'trivy',
    severity: 'error',
    toolSeverity: 'HIGH',
    explanation: 'The image runs as root when the last USER is root or when no USER is set at all.',
    check(ctx) {
      const stage = ctx.finalStage;
      const users = stage.instructions.filter((i) => i.keyword === 'USER');
      const last = users[users.length - 1];
      if (last === undefined)
        return [
          {
            line: stage.from.line,
            message: 'Specify at least one USER that is not root',
            fix: advice('Add `RUN useradd --create-home app` and `USER app` near the end.'),
          },
        ];
      return /^(root|0)(:|$)/.test(last.args)
        ? [
            {
              line: last.line,
              message: 'The last USER should not be root',
              fix: advice('Switch to a non-root USER at the end.'),
            },
          ]
        : [];
    },
  },
  {
    id: 'DS005',
    tool: 'trivy',
    severity: 'info',
    toolSeverity: 'LOW',
    explanation:
      'ADD of plain local files does what COPY does, with surprises (URL fetches, archive extraction).',
    check: (ctx) =>
      ctx.dockerfile.instructions.flatMap((i) =>
        i.keyword === 'ADD' && i.heredocs.length === 0 && !i.sources.every(addDoesMore)
          ? [
              {
                line: i.line,
                endLine: i.endLine,
                message: 'Consider using COPY instead of ADD',
                fix: advice('Use COPY.'),
              },
            ]
          : [],
      ),
  },
  {
    id: 'DS013',
    tool: 'trivy',
    severity: 'warning',
    toolSeverity: 'MEDIUM',
    explanation: '`RUN cd …` hides the working directory; use WORKDIR.',
    check: (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          cmd.name === 'cd' ? "RUN should not be used to change directory: use 'WORKDIR'" : null,
        () => advice('Use WORKDIR.'),
      ),
  },
  {
    id: 'DS017',
    tool: 'trivy',
    severity: 'error',
    toolSeverity: 'HIGH',
    alsoKnownAs: ['KICS 9bae49be-0aa3-4de5-bab2-4c3a069e40cd'],
    explanation:
      'A RUN that only updates the package index is cached forever; a later, changed `RUN apt-get install …` then installs from that stale index. Update and install in the same RUN.',
    check: (ctx) =>
      perRun(
        ctx,
        (cmd, _run, all) =>
          updatesIndex(cmd) && !all.some(installsPackages)
            ? `'${cmd.name} ${cmd.args[0] ?? ''}' runs without an install in the same RUN`
            : null,
        () =>
          advice(
            'Combine: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
          ),
      ),
  },
  {
    id: 'DS031',
    tool: 'trivy',
    severity: 'error',
    toolSeverity: 'CRITICAL',
    explanation:
      'Secrets in ENV/ARG, copied credential files and credentials written by RUN all end up readable in the image or its history.',
    check(ctx) {
      const out: RawFinding[] = [];
      const stage = ctx.finalStage;
      for (const ins of stage.instructions) {
        if (
          (ins.keyword === 'ENV' || ins.keyword === 'ARG') &&
          ins.pairs.some((p) => hadolintSensitive(p.name))
        ) {
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: `Secret-looking name in ${ins.keyword} of the final stage`,
            fix: advice('Use `RUN --mount=type=secret`.'),
          });
        }
        if (
          (ins.keyword === 'COPY' || ins.keyword === 'ADD') &&
          ins.sources.some((s) => credentialFiles.test(s))
        ) {
          const file = ins.sources.find((s) => credentialFiles.test(s)) ?? '';
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
            fix: advice(
              'Use `RUN --mount=type=secret,id=…` and read the secret from /run/secrets.',
            ),
          });
        }
      }
      return out;
    },
  },
];
