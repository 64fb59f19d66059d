/** hadolint rules about how RUN commands are written (layers, shells, downloads, archives). */
import type { CopyInstruction, RunInstruction } from '../model';
import { collapse } from '../parse-text';
import { baseName } from '../paths';
import { flagsOf, hasFlag, positionalArgs, programName } from '../shell';
import { appendToInstruction, deleteLines, editFix, insertLinesBefore } from './fixes';
import { commandsOf, isShellForm, runsOf } from './helpers';
import { insertAfter, perRun } from './run-rule';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';

const archive =
  /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz|tar\.lz|tlz|tar\.lzma|zip|gz|bz2|xz|lz|lzma|Z|tZ)$/;
const unzippers = new Set([
  'unzip',
  'gunzip',
  'bunzip2',
  'unlzma',
  'unxz',
  'zgz',
  'uncompress',
  'zcat',
  'gzcat',
]);

function mountFlags(run: RunInstruction): string {
  return JSON.stringify(run.flags.filter((f) => f.name === 'mount').map((f) => f.value));
}

function dl3059(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    let previous: { run: RunInstruction; count: number } | null = null;
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'RUN') {
        previous = null;
        continue;
      }
      const count = commandsOf(ctx, ins).length;
      if (
        previous === null ||
        mountFlags(previous.run) !== mountFlags(ins) ||
        count > 2 ||
        previous.count > 2
      ) {
        previous = { run: ins, count };
        continue;
      }
      const first = previous.run;
      const fix =
        isShellForm(first) && isShellForm(ins)
          ? editFix('merge into the RUN above', [
              appendToInstruction(ctx.dockerfile, first, ` \\\n    && ${collapse(ins.args)}`),
              deleteLines(ctx.dockerfile, ins.line, ins.endLine),
            ])
          : null;
      out.push({
        line: ins.line,
        endLine: ins.endLine,
        message: `Multiple consecutive RUN instructions (line ${first.line} and this one); consider joining them with &&`,
        fix: fix ?? advice('Join the commands into one RUN with `&&`.'),
      });
    }
  }
  return out;
}

function pipefailShell(argv: readonly string[]): boolean | 'non-posix' {
  const shell = baseName(argv[0] ?? '');
  if (/^(pwsh|powershell|cmd)(\.exe)?$/i.test(shell)) return 'non-posix';
  const oAt = argv.findIndex((a) => /^-[a-z]*o$/.test(a));
  return ['bash', 'zsh', 'ash'].includes(shell) && oAt !== -1 && argv[oAt + 1] === 'pipefail';
}

function dl4006(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    let safe = false;
    const alpine = /alpine/.test(stage.from.image);
    for (const ins of stage.instructions) {
      if (ins.keyword === 'SHELL' && ins.command.form === 'exec')
        safe = pipefailShell(ins.command.argv) !== false;
      if (ins.keyword !== 'RUN' || safe || ins.command.form !== 'shell' || !ctx.script(ins).hasPipe)
        continue;
      const shell = alpine
        ? '["/bin/ash", "-eo", "pipefail", "-c"]'
        : '["/bin/bash", "-o", "pipefail", "-c"]';
      out.push({
        line: ins.line,
        endLine: ins.endLine,
        message:
          'Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before a RUN with a pipe, so a failing command in the pipe fails the build',
        fix:
          editFix(`add SHELL ${shell}`, [insertLinesBefore(ins.line, `SHELL ${shell}`)]) ??
          undefined,
      });
    }
  }
  return out;
}

function dl3010(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const copied: Array<{ copy: CopyInstruction; name: string }> = [];
    for (const ins of stage.instructions) {
      if (ins.keyword === 'COPY' && ins.from === null) {
        const names = archive.test(ins.dest)
          ? [baseName(ins.dest)]
          : ins.sources.map(baseName).filter((n) => archive.test(n));
        copied.push(...names.map((name) => ({ copy: ins, name })));
      }
      if (ins.keyword !== 'RUN') continue;
      for (const cmd of commandsOf(ctx, ins)) {
        const extracts =
          (programName(cmd) === 'tar' &&
            cmd.args.some((a) => a === '--extract' || a === '--get' || /^-[a-zA-Z]*x/.test(a))) ||
          unzippers.has(programName(cmd));
        if (!extracts) continue;
        const args = positionalArgs(cmd).map(baseName);
        for (const { copy, name } of copied) {
          if (!args.includes(name) || out.some((f) => f.line === copy.line)) continue;
          out.push({
            line: copy.line,
            endLine: copy.endLine,
            message: `${name} is copied here and extracted on line ${ins.line}; use ADD (which extracts) or a bind mount`,
            fix: advice(
              `Use \`ADD ${name} <dir>/\` to extract in one layer, or \`RUN --mount=type=bind,source=${name},target=/tmp/${name} tar -xf /tmp/${name} ...\`.`,
            ),
          });
        }
      }
    }
  }
  return out;
}

export const runRules: LintRule[] = [
  {
    id: 'DL3059',
    tool: 'hadolint',
    severity: 'info',
    toolSeverity: 'Info',
    explanation:
      'Every RUN makes a layer and a cache boundary. Tiny consecutive RUNs add layers and can leave files behind that a later RUN "deletes". Merged, a change to any part re-runs the whole RUN: that is the trade-off.',
    check: dl3059,
  },
  {
    id: 'DL3003',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      'A `cd` inside RUN only lasts for that RUN and hides the working directory from readers; WORKDIR sets it for every later step (and makes it part of their cache keys visibly).',
    check: (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          cmd.name === 'cd' ? 'Use WORKDIR to switch to a directory instead of `cd`' : null,
        () => advice('Add `WORKDIR <dir>` before this RUN and drop the `cd`.'),
      ),
  },
  {
    id: 'DL3004',
    tool: 'hadolint',
    severity: 'error',
    toolSeverity: 'Error',
    explanation:
      'sudo behaves unpredictably without a TTY and as PID 1; builds run as root already, and USER switches users.',
    check: (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          cmd.name === 'sudo'
            ? 'Do not use sudo; RUN already runs as root unless USER says otherwise'
            : null,
        () => advice('Remove `sudo`; use USER to change users, or gosu at runtime.'),
      ),
  },
  {
    id: 'DL4006',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      '`/bin/sh -c` only checks the exit code of the last command in a pipe, so `wget … | tar x` can "succeed" after a failed download, and that broken layer stays cached. Note: adding SHELL changes every later shell-form RUN, so they all miss once.',
    check: dl4006,
  },
  {
    id: 'DL4001',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      'Using both wget and curl means installing two download tools; pick one to keep the image smaller.',
    check(ctx) {
      const out: RawFinding[] = [];
      for (const stage of ctx.dockerfile.stages) {
        const seen = new Set<string>();
        for (const run of runsOf(stage)) {
          const before = seen.size;
          for (const cmd of commandsOf(ctx, run))
            if (['wget', 'curl'].includes(programName(cmd))) seen.add(programName(cmd));
          if (seen.size === 2 && before < 2) {
            out.push({
              line: run.line,
              endLine: run.endLine,
              message: 'Either use wget or curl, but not both',
              fix: advice('Use one download tool throughout the stage.'),
            });
          }
        }
      }
      return out;
    },
  },
  {
    id: 'DL3047',
    tool: 'hadolint',
    severity: 'info',
    toolSeverity: 'Info',
    explanation:
      "wget's default progress bar floods the build log with lines; `--progress=dot:giga` (or -q) keeps logs readable.",
    check: (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          programName(cmd) === 'wget' &&
          !hasFlag(
            cmd,
            'progress',
            'q',
            'quiet',
            'nv',
            'no-verbose',
            'o',
            'output-file',
            'a',
            'append-output',
          ) &&
          !cmd.args.some((a) => a === '-nv')
            ? 'Avoid wget without --progress: it bloats the build log'
            : null,
        (run) =>
          insertAfter(
            ctx,
            run,
            /\bwget\b/,
            ' --progress=dot:giga',
            'Add `--progress=dot:giga` to wget.',
          ),
      ),
  },
  {
    id: 'DL3046',
    tool: 'hadolint',
    severity: 'warning',
    toolSeverity: 'Warning',
    explanation:
      'useradd with a large UID and without -l writes a huge sparse /var/log/faillog, which inflates the layer.',
    check: (ctx) =>
      perRun(
        ctx,
        (cmd) => {
          if (programName(cmd) !== 'useradd' || hasFlag(cmd, 'l', 'no-log-init')) return null;
          const at = cmd.args.findIndex(
            (a) => a === '-u' || a === '--uid' || a.startsWith('--uid='),
          );
          const uid =
            at === -1
              ? ''
              : cmd.args[at]?.startsWith('--uid=')
                ? (cmd.args[at]?.slice(6) ?? '')
                : (cmd.args[at + 1] ?? '');
          return uid.length > 5 && flagsOf(cmd).length > 0
            ? 'useradd with a long UID needs -l (--no-log-init) to avoid a huge faillog'
            : null;
        },
        (run) => insertAfter(ctx, run, /\buseradd\b/, ' -l', 'Add `-l` to useradd.'),
      ),
  },
  {
    id: 'DL3010',
    tool: 'hadolint',
    severity: 'info',
    toolSeverity: 'Info',
    explanation:
      'A COPY-ed archive stays in its layer and its extracted copy in another, so the image stores it twice. ADD extracts local archives in one step; a bind mount avoids the extra layer.',
    check: dl3010,
  },
];
