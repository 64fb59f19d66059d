/** hadolint rules about how RUN commands are written: layer count, cd, sudo, pipes. */
import type { RunInstruction } from '../model';
import { collapse } from '../parse/text';
import { baseName } from '../paths';

import { appendToInstruction, deleteLines, editFix, insertLinesBefore } from './fixes';
import { commandsOf, isShellForm } from './helpers';
import { perRun } from './run-rule';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';
import { hadolint, trivyInfo } from './rule-info';

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

export const runRules: LintRule[] = [
  hadolint(
    'DL3059',
    'info',
    'Every RUN makes a layer and a cache boundary. Tiny consecutive RUNs add layers and can leave files behind that a later RUN "deletes". Merged, a change to any part re-runs the whole RUN: that is the trade-off.',
    dl3059,
  ),
  hadolint(
    'DL3003',
    'warning',
    'A `cd` inside RUN only lasts for that RUN and hides the working directory from readers; WORKDIR sets it for every later step (and makes it part of their cache keys visibly).',
    (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          cmd.name === 'cd' ? 'Use WORKDIR to switch to a directory instead of `cd`' : null,
        () => advice('Add `WORKDIR <dir>` before this RUN and drop the `cd`.'),
      ),
    {
      aliases: [
        trivyInfo(
          'DS013',
          'warning',
          'MEDIUM',
          '`RUN cd …` hides the working directory; use WORKDIR.',
        ),
      ],
    },
  ),
  hadolint(
    'DL3004',
    'error',
    'sudo behaves unpredictably without a TTY and as PID 1; builds run as root already, and USER switches users.',
    (ctx) =>
      perRun(
        ctx,
        (cmd) =>
          cmd.name === 'sudo'
            ? 'Do not use sudo; RUN already runs as root unless USER says otherwise'
            : null,
        () => advice('Remove `sudo`; use USER to change users, or gosu at runtime.'),
      ),
  ),
  hadolint(
    'DL4006',
    'warning',
    '`/bin/sh -c` only checks the exit code of the last command in a pipe, so `wget … | tar x` can "succeed" after a failed download, and that broken layer stays cached. Note: adding SHELL changes every later shell-form RUN, so they all miss once.',
    dl4006,
  ),
];
