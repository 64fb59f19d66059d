/** Our own mount advice: cache mounts for package managers (SBX006), bind mounts for single-use files (SBX008). */
import { baseName, contextPath, resolveIn } from '../paths';
import { runs } from '../parse/shell';
import { dependencyInstall } from './dependency-installs';
import { deleteLines, editFix, insertAt, keywordRange } from './fixes';
import { commandsOf, isPipInstall, runsOf } from './helpers';
import { advice, type LintContext, type LintRule, type RawFinding, type TextEdit } from './types';
import { sbx } from './rule-info';

function cacheMountsFor(kind: string): string[] {
  const targets: Record<string, string[]> = {
    apt: ['/var/cache/apt,sharing=locked', '/var/lib/apt,sharing=locked'],
    apk: ['/var/cache/apk'],
  };
  return targets[kind] ?? [];
}

function sbx006(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const run of ctx.dockerfile.stages.flatMap(runsOf)) {
    if (run.mounts.some((m) => m.type === 'cache')) continue;
    const cmds = commandsOf(ctx, run);
    const targets = new Set<string>();
    for (const cmd of cmds) {
      const dep = dependencyInstall(cmd);
      if (dep) dep.cacheTargets.forEach((t) => targets.add(t));
      else if (isPipInstall(cmd)) targets.add('/root/.cache/pip');
      if (runs(cmd, 'apt-get', 'install')) cacheMountsFor('apt').forEach((t) => targets.add(t));
      if (runs(cmd, 'apk', 'add')) cacheMountsFor('apk').forEach((t) => targets.add(t));
      if (runs(cmd, 'go', 'build'))
        ['/go/pkg/mod', '/root/.cache/go-build'].forEach((t) => targets.add(t));
    }
    if (targets.size === 0) continue;
    const k = keywordRange(ctx.dockerfile, run);
    const mounts = [...targets].map((t) => ` --mount=type=cache,target=${t}`).join('');
    const edits: TextEdit[] = [insertAt(run.line, k.end, mounts)];
    // With a cache mount, --no-cache-dir would stop pip from using it.
    for (let line = run.line; line <= run.textEndLine; line++) {
      for (const m of (ctx.dockerfile.lines[line - 1] ?? '').matchAll(/ --no-cache-dir\b/g)) {
        edits.push({
          startLineNumber: line,
          startColumn: (m.index ?? 0) + 1,
          endLineNumber: line,
          endColumn: (m.index ?? 0) + m[0].length + 1,
          text: '',
        });
      }
    }
    out.push({
      line: run.line,
      endLine: run.endLine,
      message: `This install has no cache mount; on every miss it downloads everything again (${[...targets].map((t) => t.split(',')[0]).join(', ')})`,
      fix: editFix('add a cache mount', edits) ?? advice(`Add${mounts}.`),
    });
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

export const mountRules: LintRule[] = [
  sbx(
    'SBX006',
    'info',
    "A cache mount (`RUN --mount=type=cache,target=…`) keeps the package manager's downloads between builds but out of the image: a miss then only downloads what changed (R-MOUNT-CACHE). For apt on Debian images, also remove /etc/apt/apt.conf.d/docker-clean.",
    sbx006,
  ),
  sbx(
    'SBX008',
    'info',
    '`RUN --mount=type=bind,source=requirements.txt,target=…` lets one RUN read a file without a COPY layer; the file is still checksummed, so the cache behaves the same (R-MOUNT-BIND).',
    sbx008,
  ),
];
