/**
 * A RUN that updates the package index and installs nothing: its cached layer keeps a stale
 * index for later installs. Our SBX005 (with a fix that merges it into the install after it)
 * and Trivy's DS017.
 */
import type { RunInstruction, Stage } from '../model';
import { collapse } from '../parse/text';
import { programName, type ShellCommand } from '../parse/shell';
import { deleteLines, editFix, replaceLines } from './fixes';
import {
  commandsOf,
  installsPackages,
  isShellForm,
  removesAptLists,
  runsOf,
  updatesIndex,
} from './helpers';
import {
  advice,
  type LintContext,
  type LintFix,
  type LintRule,
  type RawFinding,
  type RuleInfo,
} from './types';
import { sbx, trivyInfo } from './rule-info';

const ds017: RuleInfo = {
  ...trivyInfo(
    'DS017',
    'error',
    'HIGH',
    'A RUN that only updates the package index is cached forever; a later, changed `RUN apt-get install …` then installs from that stale index. Update and install in the same RUN.',
  ),
  alsoKnownAs: ['KICS 9bae49be-0aa3-4de5-bab2-4c3a069e40cd'],
};

/** Trivy's DS017 flags every such RUN; our SBX005 those that do nothing else. */
function sbx005(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    for (const run of runsOf(stage)) {
      const cmds = commandsOf(ctx, run);
      const update = cmds.find(updatesIndex);
      const trivy = update !== undefined && !cmds.some(installsPackages);
      const alone = cmds.length > 0 && cmds.every(updatesIndex);
      if (alone) {
        out.push({
          line: run.line,
          endLine: run.endLine,
          message: `\`${collapse(run.args)}\` runs alone; its cached layer keeps a stale package index for later installs`,
          fix:
            mergeIntoInstall(ctx, stage, run, cmds) ??
            advice(
              'Use one RUN: `apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
            ),
          reportedAs: trivy ? ['SBX005', 'DS017'] : ['SBX005'],
        });
      } else if (trivy) {
        out.push({
          line: run.line,
          endLine: run.endLine,
          message: `'${update.name} ${update.args[0] ?? ''}' runs without an install in the same RUN`,
          fix: advice(
            'Combine: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
          ),
          reportedAs: ['DS017'],
        });
      }
    }
  }
  return out;
}

/** Fix for SBX005 when the next RUN installs: one RUN that updates, installs and cleans up. */
function mergeIntoInstall(
  ctx: LintContext,
  stage: Stage,
  run: RunInstruction,
  cmds: readonly ShellCommand[],
): LintFix | null {
  const next = stage.instructions[stage.instructions.indexOf(run) + 1];
  if (
    next?.keyword !== 'RUN' ||
    !isShellForm(run) ||
    !isShellForm(next) ||
    !commandsOf(ctx, next).some(installsPackages)
  )
    return null;
  const apt = cmds.some((c) => /^apt/.test(programName(c)));
  const cleanup =
    apt && !removesAptLists(commandsOf(ctx, next)) ? ' \\\n    && rm -rf /var/lib/apt/lists/*' : '';
  const flags = next.flags
    .map((f) => `--${f.name}${f.value === null ? '' : `=${f.value}`} `)
    .join('');
  const merged = `${next.written} ${flags}${collapse(run.args)} \\\n    && ${collapse(next.args)}${cleanup}`;
  return editFix('merge the update into the install RUN', [
    deleteLines(ctx.dockerfile, run.line, run.endLine),
    replaceLines(ctx.dockerfile, next.line, next.endLine, merged),
  ]);
}

export const updateAloneRule: LintRule = sbx(
  'SBX005',
  'warning',
  'A cached `RUN apt-get update` is reused forever, so a later changed install reads an old index. Update, install and clean in one RUN (Docker best practices; Trivy DS017; DL3009).',
  sbx005,
  { aliases: [ds017] },
);
