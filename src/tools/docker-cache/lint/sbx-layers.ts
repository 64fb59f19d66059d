/**
 * Our own layer and context advice (SBX ids): a .dockerignore for `COPY .` (SBX002), multi-stage
 * builds for build tools (SBX007), cleanup in the same layer (SBX009).
 */
import { contextPath, isWithin, resolveIn } from '../paths';
import { mentionedPaths } from '../build/sources';
import { positionalArgs, runs } from '../parse/shell';
import { commandsOf, installsPackages, isPipInstall, runsOf } from './helpers';
import { advice, type LintContext, type LintRule, type RawFinding } from './types';
import { sbx } from './rule-info';

const suggestedIgnore =
  '.git\n.venv\nnode_modules\n__pycache__\n*.log\nDockerfile\n.dockerignore\n';

function sbx002(ctx: LintContext): RawFinding[] {
  if (ctx.options.dockerignore === undefined) return [];
  const copy = ctx.dockerfile.instructions.find(
    (i) =>
      (i.keyword === 'COPY' || i.keyword === 'ADD') &&
      i.from === null &&
      i.sources.some((s) => contextPath(s) === '.'),
  );
  if (!copy) return [];
  const fix = advice(
    `Create a .dockerignore next to the Dockerfile, for example:\n${suggestedIgnore}`,
  );
  if (ctx.ignore === null || ctx.options.dockerignore === null) {
    return [
      {
        line: copy.line,
        endLine: copy.endLine,
        message: `\`${copy.text}\` sends the whole context and there is no .dockerignore`,
        fix,
      },
    ];
  }
  const node = (ctx.options.files ?? []).some((f) => f === 'package.json');
  const samples: Array<[string, string]> = [
    ['.git', '.git/HEAD'],
    node ? ['node_modules', 'node_modules/x/index.js'] : ['.venv', '.venv/pyvenv.cfg'],
    ['__pycache__', '__pycache__/x.pyc'],
    ['*.log', 'debug.log'],
    ['Dockerfile', 'Dockerfile'],
  ];
  const ignore = ctx.ignore;
  const missing = samples.filter(([, path]) => !ignore.ignores(path)).map(([name]) => name);
  if (missing.length === 0) return [];
  return [
    {
      line: copy.line,
      endLine: copy.endLine,
      message: `.dockerignore does not exclude ${missing.join(', ')}; \`${copy.text}\` checksums ${missing.length > 1 ? 'them' : 'it'}`,
      fix: advice(`Add these lines to .dockerignore:\n${missing.join('\n')}`),
    },
  ];
}

const buildTool =
  /^(build-essential|build-base|gcc|g\+\+|make|clang|cmake|cargo|rustc|golang(-go)?|[\w.+-]+-dev|[\w.+-]+-devel)(=.*)?$/;

function sbx007(ctx: LintContext): RawFinding[] {
  const stage = ctx.finalStage;
  if (!stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) return [];
  for (const run of runsOf(stage)) {
    const tools = commandsOf(ctx, run).flatMap((cmd) => {
      if (!installsPackages(cmd) && !isPipInstall(cmd)) return [];
      const args = positionalArgs(cmd, ['t', 'o']);
      return isPipInstall(cmd)
        ? args.filter((a) => /^(uv|poetry)([=<>~!].*)?$/.test(a))
        : args.filter((a) => buildTool.test(a));
    });
    if (tools.length === 0) continue;
    return [
      {
        line: run.line,
        endLine: run.endLine,
        message: `The stage that runs the app also installs build tools (${tools.join(', ')})`,
        fix: advice(
          'Build in a `FROM … AS builder` stage (venv, wheels or binary), then start the runtime stage from a slim image and `COPY --from=builder` only the result.',
        ),
      },
    ];
  }
  return [];
}

function sbx009(ctx: LintContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const stage of ctx.dockerfile.stages) {
    const created: Array<{ path: string; line: number }> = [];
    let cwd = '/';
    for (const ins of stage.instructions) {
      if (ins.keyword === 'WORKDIR') cwd = resolveIn(cwd, ins.args);
      if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !ins.dest.includes('$'))
        created.push({ path: resolveIn(cwd, ins.dest), line: ins.line });
      if (ins.keyword !== 'RUN') continue;
      const cmds = commandsOf(ctx, ins);
      const removals = cmds
        .filter((c) => c.name === 'rm')
        .flatMap((c) => positionalArgs(c).map((p) => resolveIn(cwd, p.replace(/\/\*$/, ''))));
      const madeHere = cmds
        .filter((c) => c.name !== 'rm')
        .flatMap((c) => mentionedPaths([c.name, ...c.args].join(' '), cwd));
      const stale = removals.find(
        (r) =>
          r !== '/' &&
          !madeHere.some((m) => isWithin(m, r) || isWithin(r, m)) &&
          created.some((c) => isWithin(c.path, r) || isWithin(r, c.path)),
      );
      if (stale !== undefined) {
        const origin = created.find((c) => isWithin(c.path, stale) || isWithin(stale, c.path));
        out.push({
          line: ins.line,
          endLine: ins.endLine,
          message: `${stale} is removed here but was written on line ${origin?.line ?? '?'}; the earlier layer still holds it`,
          fix: advice(
            'Delete it in the same RUN (or COPY) that creates it, e.g. `… && rm -rf <path>`.',
          ),
        });
      }
      created.push(...madeHere.map((path) => ({ path, line: ins.line })));
      if (cmds.some((c) => runs(c, /^apt(-get)?$/, 'update')))
        created.push({ path: '/var/lib/apt/lists', line: ins.line });
    }
  }
  return out;
}

export const layerRules: LintRule[] = [
  sbx(
    'SBX002',
    'warning',
    '`COPY .` checksums everything in the context: .git, virtualenvs, caches, logs, and the Dockerfile itself (moby/moby#8330). A .dockerignore keeps them out, so editing them no longer busts the cache (R-IGNORE, R-CTX-SELF).',
    sbx002,
  ),
  sbx(
    'SBX007',
    'info',
    'Compilers and build tools in the final image make it larger and widen its attack surface. A builder stage keeps them out of the image you ship (R-STAGE-GRAPH, R-COPY-FROM).',
    sbx007,
  ),
  sbx(
    'SBX009',
    'warning',
    'Each RUN is a layer: deleting files in a later RUN hides them but the earlier layer still stores them, so the image does not shrink.',
    sbx009,
  ),
];
