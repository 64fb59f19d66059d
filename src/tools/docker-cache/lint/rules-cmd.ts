/** Rules about CMD, ENTRYPOINT and HEALTHCHECK: exec form, one of each per stage. */
import type { CommandForm, Instruction } from '../model';
import { splitWords } from '../parse/text';
import { deleteLines, editFix, replaceLines } from './fixes';
import { advice, type LintContext, type LintFix, type LintRule, type RawFinding } from './types';
import { buildkitInfo, hadolint, hadolintInfo } from './rule-info';

/** Exec form for a shell-form command when that is mechanical (plain words, no shell syntax). */
function execFormFix(ctx: LintContext, ins: Instruction, command: CommandForm): LintFix {
  if (command.form === 'shell' && !/[$`|&;<>(){}*?~\\]/.test(command.text)) {
    const argv = splitWords(command.text).map((w) => JSON.stringify(w));
    const text = `${ins.written} [${argv.join(', ')}]`;
    const fix = editFix('use exec (JSON) form', [
      replaceLines(ctx.dockerfile, ins.line, ins.endLine, text),
    ]);
    if (fix) return fix;
  }
  return advice(
    'Use the exec form, e.g. `CMD ["python", "app.py"]`; put shell logic in a script that ends with `exec`.',
  );
}

/**
 * A stage with more than one CMD, ENTRYPOINT or HEALTHCHECK: only the last one counts. hadolint
 * has a rule each for CMD (DL4003) and ENTRYPOINT (DL4004); BuildKit one for all three.
 */
function repeated(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    for (const keyword of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const) {
      const all = stage.instructions.filter((i) => i.keyword === keyword);
      all.slice(1).forEach((later, index) => {
        const earlier = all[index] ?? later;
        const hadolint = keyword === 'CMD' ? 'DL4003' : keyword === 'ENTRYPOINT' ? 'DL4004' : null;
        out.push(
          hadolint
            ? {
                line: later.line,
                endLine: later.endLine,
                message: `Multiple ${keyword} instructions found; only the last one takes effect`,
                fix:
                  editFix(`remove the earlier ${keyword} on line ${earlier.line}`, [
                    deleteLines(ctx.dockerfile, earlier.line, earlier.endLine),
                  ]) ?? advice(`Keep one ${keyword}.`),
                reportedAs: [hadolint, 'MultipleInstructionsDisallowed'],
              }
            : {
                line: later.line,
                endLine: later.endLine,
                message: `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`,
                fix: advice(`Keep one ${keyword}.`),
                reportedAs: ['MultipleInstructionsDisallowed'],
              },
        );
      });
    }
  }
  return out;
}

export const cmdRules: LintRule[] = [
  hadolint(
    'DL3025',
    'warning',
    'Shell form wraps the process in `/bin/sh -c`, so PID 1 is the shell and SIGTERM never reaches your app: `docker stop` waits, then kills it.',
    (ctx) => {
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
            fix: execFormFix(ctx, ins, ins.command),
          });
        }
        if (ins.keyword === 'HEALTHCHECK' && ins.command?.form === 'shell') {
          out.push({
            line: ins.line,
            endLine: ins.endLine,
            message: 'Use the JSON (exec) form for HEALTHCHECK CMD',
            fix: advice('Write `HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]`.'),
            reportedAs: ['DL3025'],
          });
        }
      }
      return out;
    },
    {
      aliases: [
        buildkitInfo(
          'JSONArgsRecommended',
          'Shell-form CMD/ENTRYPOINT run under `/bin/sh -c`, which does not pass signals on to your app.',
        ),
      ],
    },
  ),
  hadolint(
    'DL4003',
    'warning',
    'Only the last CMD of a stage takes effect; earlier ones mislead readers.',
    repeated,
    {
      aliases: [
        hadolintInfo(
          'DL4004',
          'error',
          'Only the last ENTRYPOINT of a stage takes effect; earlier ones mislead readers.',
        ),
        buildkitInfo(
          'MultipleInstructionsDisallowed',
          'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage is used.',
        ),
      ],
    },
  ),
];
