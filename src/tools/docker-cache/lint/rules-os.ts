/** hadolint rules about OS package managers (apt, apk, yum, dnf, zypper): size and pinning. */
import { hasFlag, positionalArgs, runs } from '../parse/shell';
import { hasCacheMountAt, isAptGetInstall, mattersForImage, removesAptLists } from './helpers';
import { appendCommand, insertAfter, perRun } from './run-rule';
import { advice, type LintRule } from './types';
import { hadolint } from './rule-info';

const aptInstall = /\bapt-get\s+install\b/;

function cleanRule(
  id: string,
  programs: RegExp,
  clean: string,
  cacheDir: string,
  isClean: (args: string[]) => boolean,
): LintRule {
  return hadolint(
    id,
    'warning',
    `The package manager's download cache stays in the layer unless \`${clean}\` runs in the same RUN; a later RUN cannot shrink an earlier layer.`,
    (ctx) =>
      perRun(
        ctx,
        (cmd, run, all) =>
          runs(cmd, programs, ['install', 'in']) &&
          !all.some((c) => runs(c, programs) && isClean(c.args)) &&
          !hasCacheMountAt(run, cacheDir)
            ? `\`${clean}\` is missing after the install`
            : null,
        (run) => appendCommand(ctx, run, clean),
      ),
  );
}

export const osRules: LintRule[] = [
  hadolint(
    'DL3008',
    'warning',
    'Unpinned apt packages get whatever is newest when the layer is built, and the cached layer keeps that forever; pinning makes builds reproducible, and bumping a pin deliberately re-runs the step.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) => {
          if (!isAptGetInstall(cmd)) return null;
          const loose = positionalArgs(cmd, ['t', 'target-release']).filter(
            (p) => p !== 'install' && !p.includes('=') && !p.includes('/') && !p.endsWith('.deb'),
          );
          return loose.length === 0
            ? null
            : `Pin versions in apt-get install: ${loose.join(', ')} (use <package>=<version>)`;
        },
        () =>
          advice(
            'Pin each package, e.g. `curl=7.88.1-10+deb12u8`; `apt-cache policy <package>` lists versions.',
          ),
      ),
  ),
  hadolint(
    'DL3009',
    'info',
    'apt-get update downloads package lists (tens of MB) into the layer. Deleting them in a later RUN does not shrink the image, because the earlier layer keeps them; clean up in the same RUN.',
    (ctx) =>
      perRun(
        ctx,
        (cmd, run, all, stage) =>
          mattersForImage(ctx, stage) &&
          runs(cmd, /^(apt-get|apt|aptitude)$/, 'update') &&
          !removesAptLists(all) &&
          !hasCacheMountAt(run, '/var/lib/apt/lists') &&
          !(hasCacheMountAt(run, '/var/lib/apt') && hasCacheMountAt(run, '/var/cache/apt'))
            ? 'Delete the apt lists after installing: add `rm -rf /var/lib/apt/lists/*` to this RUN'
            : null,
        (run) => appendCommand(ctx, run, 'rm -rf /var/lib/apt/lists/*'),
      ),
  ),
  hadolint(
    'DL3014',
    'warning',
    'Without -y, apt-get install stops at a yes/no prompt and the build fails.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          isAptGetInstall(cmd) &&
          !hasFlag(cmd, 'y', 'yes', 'assume-yes') &&
          !cmd.args.some((a) => /^(-qq|-q=2|--quiet=2)$/.test(a))
            ? 'Use -y so apt-get install does not wait for a prompt'
            : null,
        (run) => insertAfter(ctx, run, aptInstall, ' -y', 'Add -y after `apt-get install`.'),
      ),
  ),
  hadolint(
    'DL3015',
    'info',
    'apt installs "recommended" extra packages by default; they add megabytes to the layer that the app rarely needs.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          isAptGetInstall(cmd) &&
          !hasFlag(cmd, 'no-install-recommends') &&
          !cmd.args.includes('APT::Install-Recommends=false')
            ? 'Avoid additional packages: use `apt-get install --no-install-recommends`'
            : null,
        (run) =>
          insertAfter(
            ctx,
            run,
            aptInstall,
            ' --no-install-recommends',
            'Add --no-install-recommends after `apt-get install`.',
          ),
      ),
  ),
  hadolint(
    'DL3027',
    'warning',
    '`apt` is meant for people at a terminal; its output and options may change. Scripts should use `apt-get` or `apt-cache`.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          cmd.name === 'apt' ? 'Do not use apt in scripts; use apt-get or apt-cache' : null,
        (run) =>
          insertAfter(ctx, run, /(?<![\w-])apt(?=\s)/, '-get', 'Replace `apt` with `apt-get`.'),
      ),
  ),
  hadolint(
    'DL3018',
    'warning',
    'Unpinned apk packages change underneath a cached layer; pin them (`pkg=1.2.3-r0`) for reproducible builds.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) => {
          if (!runs(cmd, 'apk', 'add')) return null;
          const loose = positionalArgs(cmd, ['t', 'virtual', 'X', 'repository']).filter(
            (p) => p !== 'add' && !/[=~<>]/.test(p),
          );
          return loose.length === 0
            ? null
            : `Pin versions in apk add: ${loose.join(', ')} (use <package>=<version>)`;
        },
        () => advice('Pin each package, e.g. `curl=8.9.1-r0`.'),
      ),
  ),
  hadolint(
    'DL3019',
    'info',
    "`apk add --no-cache` keeps apk's index out of the layer. (Not to be confused with Docker's own --no-cache.)",
    (ctx) =>
      perRun(
        ctx,
        (cmd, run) =>
          runs(cmd, 'apk', 'add') &&
          !hasFlag(cmd, 'no-cache') &&
          !hasCacheMountAt(run, '/var/cache/apk')
            ? 'Use `apk add --no-cache` to keep the index out of the layer'
            : null,
        (run) =>
          insertAfter(ctx, run, /\bapk\s+add\b/, ' --no-cache', 'Add --no-cache after `apk add`.'),
      ),
  ),
  cleanRule(
    'DL3032',
    /^yum$/,
    'yum clean all',
    '/var/cache/yum',
    (a) => a.includes('clean') && a.includes('all'),
  ),
  cleanRule(
    'DL3040',
    /^(dnf|microdnf)$/,
    'dnf clean all',
    '/var/cache/dnf',
    (a) => a.includes('clean') && a.includes('all'),
  ),
  cleanRule(
    'DL3036',
    /^zypper$/,
    'zypper clean',
    '/var/cache/zypp',
    (a) => a.includes('clean') || a.includes('cc'),
  ),
];
