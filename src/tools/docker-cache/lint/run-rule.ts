/** Helpers to write "one finding per RUN" rules briefly. */
import type { RunInstruction, Stage } from '../model';
import type { ShellCommand } from '../parse/shell';
import { appendToInstruction, editFix, insertAfterMatches } from './fixes';
import { commandsOf, runsOf } from './helpers';
import { advice, type LintContext, type LintFix, type RawFinding } from './types';

export type CommandTest = (
  cmd: ShellCommand,
  run: RunInstruction,
  all: ShellCommand[],
  stage: Stage,
) => string | null;

/** One finding per RUN where `test` returns a message for some command. */
export function perRun(
  ctx: LintContext,
  test: CommandTest,
  fix?: (run: RunInstruction) => LintFix,
  stages: readonly Stage[] = ctx.dockerfile.stages,
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of stages) {
    for (const run of runsOf(stage)) {
      const cmds = commandsOf(ctx, run);
      const message = cmds.map((c) => test(c, run, cmds, stage)).find((m) => m !== null);
      if (message)
        out.push({
          line: run.line,
          endLine: run.endLine,
          message,
          ...(fix ? { fix: fix(run) } : {}),
        });
    }
  }
  return out;
}

/** Fix: append `&& <command>` to the RUN. */
export function appendCommand(ctx: LintContext, run: RunInstruction, command: string): LintFix {
  return (
    editFix(`append \`&& ${command}\``, [
      appendToInstruction(ctx.dockerfile, run, ` \\\n    && ${command}`),
    ]) ?? advice(`Add \`&& ${command}\` at the end of this RUN.`)
  );
}

/** Fix: insert `text` after each match of `pattern` (e.g. after `apt-get install`). */
export function insertAfter(
  ctx: LintContext,
  run: RunInstruction,
  pattern: RegExp,
  text: string,
  fallback: string,
  skip?: (rest: string) => boolean,
): LintFix {
  return (
    editFix(
      `add \`${text.trim()}\``,
      insertAfterMatches(ctx.dockerfile, run, pattern, text, skip),
    ) ?? advice(fallback)
  );
}
