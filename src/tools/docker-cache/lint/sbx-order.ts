/**
 * Our own cache-order advice (SBX ids, never a real linter's): declare volatile ARGs late
 * (SBX003), keep volatile metadata at the end (SBX004), COPY --link for stage artifacts (SBX010).
 */
import {
  deleteLines,
  editFix,
  insertAt,
  insertLinesAfter,
  insertLinesBefore,
  keywordRange,
  sourceOf,
} from './fixes';
import { references } from './helpers';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';
import { sbx } from './rule-info';

const volatileName = /SHA|COMMIT|DATE|BUILD_ID|VERSION|REVISION|TIMESTAMP/i;
const volatileValue = /\b[0-9a-f]{7,40}\b|\d{4}-\d{2}-\d{2}|\$\(date/;

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
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
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

export const orderRules: LintRule[] = [
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
    'SBX010',
    'info',
    'COPY --link copies into a separate layer that does not depend on the layers before it, so it stays cached when they change (useful with a registry cache; R-LINK).',
    sbx010,
  ),
];
