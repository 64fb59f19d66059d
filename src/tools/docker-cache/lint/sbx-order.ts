/**
 * Our own cache-order advice (SBX ids, never a real linter's): install dependencies before
 * copying the source (SBX001), declare volatile ARGs late (SBX003), keep volatile metadata at the
 * end (SBX004), bind-mount single-use files (SBX008), COPY --link for stage artifacts (SBX010).
 */
import type { CopyInstruction, Instruction, RunInstruction, Stage } from '../model';
import { baseName, contextPath, isWithin, resolveIn } from '../paths';
import { dependencyInstall, isManifest } from './dependency-installs';
import {
  deleteLines,
  editFix,
  insertAt,
  insertLinesAfter,
  insertLinesBefore,
  keywordRange,
  sourceOf,
} from './fixes';
import { commandsOf, references } from './helpers';
import { advice, type LintContext, type LintFix, type LintRule, type RawFinding } from './types';

const volatileName = /SHA|COMMIT|DATE|BUILD_ID|VERSION|REVISION|TIMESTAMP/i;
const volatileValue = /\b[0-9a-f]{7,40}\b|\d{4}-\d{2}-\d{2}|\$\(date/;

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

function sbx003(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    for (const arg of stage.instructions) {
      if (arg.keyword !== 'ARG' || arg.pairs.length !== 1) continue;
      const name = arg.pairs[0]?.name ?? '';
      if (!volatileName.test(name)) continue;
      const later = stage.instructions.filter((i) => i.line > arg.line);
      const firstUse = later.find((i) => references(i, name));
      const skipped = later.filter(
        (i) => i.keyword === 'RUN' && (firstUse === undefined || i.line < firstUse.line),
      );
      if (skipped.length === 0) continue;
      const fix = firstUse
        ? editFix(`move ARG ${name} down to line ${firstUse.line}`, [
            insertLinesBefore(firstUse.line, sourceOf(ctx.dockerfile, arg)),
            deleteLines(ctx.dockerfile, arg.line, arg.endLine),
          ])
        : null;
      out.push({
        line: arg.line,
        endLine: arg.endLine,
        message:
          skipped.length > 1
            ? `ARG ${name} is declared before ${skipped.length} RUN steps that do not use it; each new value re-runs them`
            : `ARG ${name} is declared before a RUN step that does not use it; each new value re-runs it`,
        fix:
          fix ??
          advice(
            `Nothing uses ${name}; remove it, or declare it right before a final LABEL that records it.`,
          ),
      });
    }
  }
  return out;
}

function sbx004(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const last = stage.instructions[stage.instructions.length - 1] as Instruction;
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'LABEL' && ins.keyword !== 'ENV') continue;
      const values = ins.pairs.map((p) => p.value ?? '').join(' ');
      const usesVolatile = [...values.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some((m) =>
        volatileName.test(m[1] ?? ''),
      );
      if (!usesVolatile && !volatileValue.test(values)) continue;
      const steps = stage.instructions.filter(
        (i) => i.line > ins.line && ['RUN', 'COPY', 'ADD', 'WORKDIR'].includes(i.keyword),
      );
      if (steps.length === 0) continue;
      const fix =
        ins.keyword === 'LABEL'
          ? editFix('move the LABEL to the end of the stage', [
              insertLinesAfter(ctx.dockerfile, last.endLine, sourceOf(ctx.dockerfile, ins)),
              deleteLines(ctx.dockerfile, ins.line, ins.endLine),
            ])
          : null;
      out.push({
        line: ins.line,
        endLine: ins.endLine,
        message: `${ins.keyword} with a value that changes every build comes before ${steps.length} build step${steps.length > 1 ? 's' : ''}`,
        fix:
          fix ??
          advice(
            'Move this ENV below the expensive steps: BuildKit re-runs every later RUN when it changes, and the classic builder every later step.',
          ),
      });
    }
  }
  return out;
}

function sbx008(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    let cwd = '/';
    for (const copy of stage.instructions) {
      if (copy.keyword === 'WORKDIR') cwd = resolveIn(cwd, copy.args);
      if (
        copy.keyword !== 'COPY' ||
        copy.from !== null ||
        copy.flags.length > 0 ||
        copy.sources.length !== 1 ||
        copy.heredocs.length > 0
      )
        continue;
      const source = copy.sources[0] ?? '';
      const files = ctx.options.files;
      const isFile =
        files === undefined ? /\.[a-z0-9]+$/i.test(source) : files.includes(contextPath(source));
      if (!isFile || /[*?[$]/.test(source)) continue;
      const target =
        copy.dest === '.' || copy.dest.endsWith('/')
          ? resolveIn(resolveIn(cwd, copy.dest), baseName(source))
          : resolveIn(cwd, copy.dest);
      const readers = stage.instructions.filter(
        (i) => i.line > copy.line && (i.text.includes(baseName(source)) || i.text.includes(target)),
      );
      const reader = readers[0];
      if (readers.length !== 1 || reader?.keyword !== 'RUN') continue;
      const k = keywordRange(ctx.dockerfile, reader);
      const mount = ` --mount=type=bind,source=${contextPath(source)},target=${target}`;
      out.push({
        line: copy.line,
        endLine: copy.endLine,
        message: `${source} is copied only for the RUN on line ${reader.line}; a bind mount reads it without adding a layer`,
        fix:
          editFix('bind-mount it in the RUN instead', [
            insertAt(reader.line, k.end, mount),
            deleteLines(ctx.dockerfile, copy.line, copy.endLine),
          ]) ?? advice(`Use \`RUN${mount} …\`.`),
      });
    }
  }
  return out;
}

function sbx010(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const firstContextCopy = stage.instructions.find(
      (i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.from === null,
    );
    for (const ins of stage.instructions) {
      if (
        ins.keyword !== 'COPY' ||
        ins.from === null ||
        ins.link ||
        firstContextCopy === undefined ||
        firstContextCopy.line > ins.line
      )
        continue;
      const k = keywordRange(ctx.dockerfile, ins);
      out.push({
        line: ins.line,
        endLine: ins.endLine,
        message: `COPY --from=${ins.from} comes after steps that change often (line ${firstContextCopy.line}); with --link it keeps its cache when they change`,
        fix: editFix('add --link', [insertAt(ins.line, k.end, ' --link')]) ?? advice('Add --link.'),
      });
    }
  }
  return out;
}

function sbx(
  id: string,
  severity: LintRule['severity'],
  explanation: string,
  check: LintRule['check'],
): LintRule {
  return { id, tool: 'sandbox', severity, toolSeverity: severity, explanation, check };
}

export const orderRules: LintRule[] = [
  sbx(
    'SBX001',
    'warning',
    'COPY . . checksums every file, so editing any source file re-runs every step after it, including the slow dependency install. Copy the manifests, install, then copy the source (Docker docs, "Order your layers"; R-COPY-SUM + R-CHAIN).',
    sbx001,
  ),
  sbx(
    'SBX003',
    'info',
    'In BuildKit every RUN after an ARG sees its value, so a changing value (a commit SHA, a date) re-runs all of them even if they never use it. Declare it right before its first use (R-ARG-SCOPE).',
    sbx003,
  ),
  sbx(
    'SBX004',
    'info',
    'A LABEL that changes every build is harmless under BuildKit but, with the classic builder, invalidates every step after it; an ENV also re-runs later RUNs in BuildKit. Put them at the end (R-META, R-ENV).',
    sbx004,
  ),
  sbx(
    'SBX008',
    'info',
    '`RUN --mount=type=bind,source=requirements.txt,target=…` lets one RUN read a file without a COPY layer; the file is still checksummed, so the cache behaves the same (R-MOUNT-BIND).',
    sbx008,
  ),
  sbx(
    'SBX010',
    'info',
    'COPY --link copies into a separate layer that does not depend on the layers before it, so it stays cached when they change (useful with a registry cache; R-LINK).',
    sbx010,
  ),
];
