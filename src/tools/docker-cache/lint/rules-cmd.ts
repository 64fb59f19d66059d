/** hadolint rules about CMD and ENTRYPOINT: exec form, one per stage. */
import type { CommandForm, Instruction } from '../model';
import { splitWords } from '../parse-text';
import { deleteLines, editFix, replaceLines } from './fixes';
import { advice, type LintContext, type LintFix, type LintRule, type RawFinding } from './types';

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

function repeated(ctx: LintContext, keyword: 'CMD' | 'ENTRYPOINT'): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const all = stage.instructions.filter((i) => i.keyword === keyword);
    for (const [earlier, later] of all.slice(0, -1).map((e, i) => [e, all[i + 1] ?? e] as const)) {
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

export const cmdRules: LintRule[] = [
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
];
