/**
 * SBX001 (our own id): dependencies installed after `COPY . .`. The fix copies the manifest and
 * lock files first, moves the install above, and leaves `COPY . .` after it.
 */
import type { CopyInstruction, Instruction, RunInstruction, Stage } from '../model';
import { contextPath, isWithin } from '../paths';
import { dependencyInstall, isManifest } from './dependency-installs';
import { deleteLines, editFix, insertLinesBefore, sourceOf } from './fixes';
import { commandsOf } from './helpers';
import { advice, type LintContext, type LintFix, type LintRule, type RawFinding } from './types';
import { sbx } from './rule-info';

function broadCopy(ctx: LintContext, ins: Instruction): ins is CopyInstruction {
  if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== null) return false;
  const files = ctx.options.files;
  return ins.sources.some((s) => {
    const dir = contextPath(s);
    return (
      dir === '.' ||
      (files !== undefined && files.some((f) => f !== dir && isWithin(f, dir) && isManifest(f)))
    );
  });
}

function sbx001Fix(
  ctx: LintContext,
  stage: Stage,
  copy: CopyInstruction,
  run: RunInstruction,
  manifests: string[] | null,
): LintFix {
  const between = stage.instructions.filter((i) => i.line > copy.line && i.line < run.line);
  const text = 'Copy only the manifest and lock files, install, then `COPY . .`.';
  if (
    manifests === null ||
    between.some((i) => ['ENV', 'ARG', 'WORKDIR', 'USER', 'SHELL'].includes(i.keyword))
  )
    return advice(text);
  const files = ctx.options.files;
  const present =
    files === undefined
      ? manifests
      : manifests.filter((m, i) => i === 0 || files.includes(contextPath(m)));
  if (present.some((m) => m.startsWith('/') || m.includes('$'))) return advice(text);
  const dest = copy.dest === '.' ? './' : copy.dest.endsWith('/') ? copy.dest : `${copy.dest}/`;
  const byDir = new Map<string, string[]>();
  for (const m of present) {
    const dir = m.includes('/') ? `${m.slice(0, m.lastIndexOf('/'))}/` : '';
    byDir.set(dir, [...(byDir.get(dir) ?? []), m]);
  }
  const copies = [...byDir].map(([dir, list]) => `COPY ${list.join(' ')} ${dest}${dir}`);
  return (
    editFix('copy the manifests and install before COPY .', [
      insertLinesBefore(copy.line, [...copies, sourceOf(ctx.dockerfile, run)].join('\n')),
      deleteLines(ctx.dockerfile, run.line, run.endLine),
    ]) ?? advice(text)
  );
}

function sbx001(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const copy = stage.instructions.find((i): i is CopyInstruction => broadCopy(ctx, i));
    if (!copy) continue;
    const toolsBefore = new Set(
      stage.instructions
        .filter((i): i is RunInstruction => i.keyword === 'RUN' && i.line < copy.line)
        .flatMap((r) => commandsOf(ctx, r).map((c) => dependencyInstall(c)?.tool)),
    );
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'RUN' || ins.line < copy.line) continue;
      const install = commandsOf(ctx, ins)
        .map(dependencyInstall)
        .find((d) => d !== null && !toolsBefore.has(d.tool));
      if (!install) continue;
      out.push({
        line: ins.line,
        endLine: ins.endLine,
        message: `Dependencies are installed after \`${copy.text}\` (line ${copy.line}), so any source edit re-runs the ${install.tool} install`,
        fix: sbx001Fix(ctx, stage, copy, ins, install.manifests),
      });
      break;
    }
  }
  return out;
}

export const sbx001Rule: LintRule = sbx(
  'SBX001',
  'warning',
  'COPY . . checksums every file, so editing any source file re-runs every step after it, including the slow dependency install. Copy the manifests, install, then copy the source (Docker docs, "Order your layers"; R-COPY-SUM + R-CHAIN).',
  sbx001,
);
