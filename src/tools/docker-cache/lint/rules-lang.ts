/** hadolint rules about language package managers (pip, npm, gem, go, yarn). */
import type { Stage } from '../model';
import { hasFlag, positionalArgs, programName, runs, type ShellCommand } from '../parse/shell';
import { hasCacheMountContaining, isPipInstall, mattersForImage, stageChain } from './helpers';
import { appendCommand, insertAfter, perRun } from './run-rule';
import { advice, type LintContext, type LintRule } from './types';
import { hadolint } from './rule-info';

const truthy = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);

/** `ENV PIP_NO_CACHE_DIR=<truthy>` in the stage (before `line`) or a stage it builds FROM. */
function pipCacheOffByEnv(ctx: LintContext, stage: Stage, line: number): boolean {
  return stageChain(ctx, stage).some((s) =>
    s.instructions.some(
      (i) =>
        i.keyword === 'ENV' &&
        (s !== stage || i.line < line) &&
        i.pairs.some((p) => p.name === 'PIP_NO_CACHE_DIR' && truthy.has(p.value ?? '')),
    ),
  );
}

function isPipWrapper(cmd: ShellCommand): boolean {
  return (
    /pipx|pipenv/.test(cmd.name) ||
    (/^python/.test(programName(cmd)) &&
      cmd.args[0] === '-m' &&
      /^(pipx|pipenv)$/.test(cmd.args[1] ?? ''))
  );
}

const pipValueFlags = [
  'abi',
  'b',
  'build',
  'e',
  'editable',
  'extra-index-url',
  'f',
  'find-links',
  'i',
  'index-url',
  'implementation',
  'no-binary',
  'only-binary',
  'platform',
  'prefix',
  'progress-bar',
  'proxy',
  'python-version',
  'root',
  'src',
  't',
  'target',
  'trusted-host',
  'upgrade-strategy',
];
const vcs = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;

function pipPinned(pkg: string): boolean {
  return (
    ['==', '>=', '<=', '>', '<', '!=', '~=', '==='].some((s) => pkg.includes(s)) ||
    (vcs.test(pkg) && pkg.includes('@')) ||
    pkg.endsWith('.whl') ||
    pkg.endsWith('.tar.gz') ||
    (!vcs.test(pkg) && pkg.includes('/'))
  );
}

/** Packages named on a command line after its subcommand (`install`, `add`, ...). */
function named(cmd: ShellCommand, subcommand: string, valueFlags: string[] = []): string[] {
  const args = positionalArgs(cmd, valueFlags);
  const at = args.indexOf(subcommand);
  return at === -1 ? [] : args.slice(at + 1).filter((a) => a !== subcommand);
}

const pipInstall = /\b(pip[0-9.]*|-m\s+pip)\s+install\b/;

export const langRules: LintRule[] = [
  hadolint(
    'DL3042',
    'warning',
    'pip keeps downloaded wheels in ~/.cache/pip, and that cache ends up in the layer for nothing. Use `--no-cache-dir`, or better with BuildKit a cache mount (`RUN --mount=type=cache,target=/root/.cache/pip`), which keeps the cache between builds but out of the image.',
    (ctx) =>
      perRun(
        ctx,
        (cmd, run, _all, stage) =>
          isPipInstall(cmd) &&
          !cmd.args.includes('--no-cache-dir') &&
          !isPipWrapper(cmd) &&
          !hasCacheMountContaining(run, '.cache/pip') &&
          !/PIP_NO_CACHE_DIR=/.test(run.args) &&
          !pipCacheOffByEnv(ctx, stage, run.line)
            ? "Avoid keeping pip's cache in the layer: use `pip install --no-cache-dir`"
            : null,
        (run) =>
          insertAfter(
            ctx,
            run,
            pipInstall,
            ' --no-cache-dir',
            'Add --no-cache-dir after `pip install`.',
            (rest) => /^[^&|;]*--no-cache-dir/.test(rest),
          ),
      ),
  ),
  hadolint(
    'DL3013',
    'warning',
    'RUN is cached by its text, so an unpinned `pip install flask` is never upgraded on rebuild and differs between machines. Pin versions, or install from a lock/requirements file copied before the source.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) => {
          if (
            !isPipInstall(cmd) ||
            cmd.args.some((a) => a === '-r' || a === '--requirement' || a === '.') ||
            hasFlag(cmd, 'c', 'constraint')
          )
            return null;
          const loose = named(cmd, 'install', pipValueFlags).filter((p) => !pipPinned(p));
          return loose.length === 0
            ? null
            : `Pin versions in pip: ${loose.join(', ')} (use <package>==<version> or -r requirements.txt)`;
        },
        () =>
          advice(
            'Write `pip install flask==3.0.3`, or list pinned versions in requirements.txt and use `pip install -r requirements.txt`.',
          ),
      ),
  ),
  hadolint(
    'DL3016',
    'warning',
    'An unpinned `npm install <pkg>` is cached by its text and never upgraded; pin `<pkg>@<version>` or install from package-lock.json with `npm ci`.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) => {
          if (!runs(cmd, 'npm') || !['install', 'i', 'add'].includes(positionalArgs(cmd)[0] ?? ''))
            return null;
          const sub = positionalArgs(cmd)[0] ?? 'install';
          const loose = named(cmd, sub).filter(
            (p) =>
              !/^.+@./.test(p) &&
              !/^(\.{0,2}\/|~\/)/.test(p) &&
              !/\.(tgz|tar\.gz|tar)$/.test(p) &&
              !(/^git(\+|:)/.test(p) && p.includes('#')),
          );
          return loose.length === 0
            ? null
            : `Pin versions in npm: ${loose.join(', ')} (use <package>@<version>)`;
        },
        () =>
          advice(
            'Write `npm install express@4.19.2`, or commit package-lock.json and run `npm ci`.',
          ),
      ),
  ),
  hadolint(
    'DL3028',
    'warning',
    'An unpinned `gem install <gem>` is cached by its text and never upgraded; pin `<gem>:<version>`.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) => {
          if (!runs(cmd, 'gem', 'install') || hasFlag(cmd, 'v', 'version')) return null;
          const loose = named(cmd, 'install').filter((p) => !p.includes(':'));
          return loose.length === 0
            ? null
            : `Pin versions in gem install: ${loose.join(', ')} (use <gem>:<version>)`;
        },
        () => advice('Write `gem install bundler:2.5.10`.'),
      ),
  ),
  hadolint(
    'DL3062',
    'warning',
    '`go install pkg` or `pkg@latest` is resolved once and then cached by its text; pin a version (`pkg@v1.2.3`).',
    (ctx) =>
      perRun(
        ctx,
        (cmd) => {
          if (!runs(cmd, 'go', 'install')) return null;
          const loose = named(cmd, 'install').filter(
            (p) => !/@./.test(p) || /@(latest|none)$/.test(p),
          );
          return loose.length === 0
            ? null
            : `Pin versions in go install: ${loose.join(', ')} (use <module>@v<version>)`;
        },
        () => advice('Write `go install golang.org/x/tools/gopls@v0.16.1`.'),
      ),
  ),
  hadolint(
    'DL3060',
    'info',
    "yarn's cache stays in the layer unless `yarn cache clean` runs in the same RUN (or the cache lives in a cache mount).",
    (ctx) =>
      perRun(
        ctx,
        (cmd, run, all, stage) => {
          if (
            !mattersForImage(ctx, stage) ||
            !runs(cmd, 'yarn', 'install') ||
            hasCacheMountContaining(run, '.cache/yarn')
          )
            return null;
          const at = all.indexOf(cmd);
          return all.slice(at + 1).some((c) => runs(c, 'yarn', 'cache') && c.args.includes('clean'))
            ? null
            : '`yarn cache clean` is missing after `yarn install`';
        },
        (run) => appendCommand(ctx, run, 'yarn cache clean'),
      ),
  ),
];
