/** hadolint rules about download and archive tools in RUN (wget, curl, useradd, tar). */
import type { CopyInstruction } from '../model';
import { baseName } from '../paths';
import { flagsOf, hasFlag, positionalArgs, programName } from '../parse/shell';
import { commandsOf, runsOf } from './helpers';
import { insertAfter, perRun } from './run-rule';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';
import { hadolint } from './rule-info';

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

export const toolRules: LintRule[] = [
  hadolint(
    'DL4001',
    'warning',
    'Using both wget and curl means installing two download tools; pick one to keep the image smaller.',
    (ctx) => {
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
  ),
  hadolint(
    'DL3047',
    'info',
    "wget's default progress bar floods the build log with lines; `--progress=dot:giga` (or -q) keeps logs readable.",
    (ctx) =>
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
  ),
  hadolint(
    'DL3046',
    'warning',
    'useradd with a large UID and without -l writes a huge sparse /var/log/faillog, which inflates the layer.',
    (ctx) =>
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
  ),
  hadolint(
    'DL3010',
    'info',
    'A COPY-ed archive stays in its layer and its extracted copy in another, so the image stores it twice. ADD extracts local archives in one step; a bind mount avoids the extra layer.',
    dl3010,
  ),
];
