/** Questions several lint rules ask of RUN instructions and stages. */
import type { Instruction, RunInstruction, Stage } from '../model';
import { hasFlag, programName, runs, type ShellCommand } from '../parse/shell';
import { isUrl } from '../build/sources';
import type { LintContext } from './types';

export function runsOf(stage: Stage): RunInstruction[] {
  return stage.instructions.filter((i): i is RunInstruction => i.keyword === 'RUN');
}

export function commandsOf(ctx: LintContext, run: RunInstruction): ShellCommand[] {
  return ctx.script(run).commands;
}

/** A cache or tmpfs mount whose target starts with `dir` (hadolint's hasCacheDirectory). */
export function hasCacheMountAt(run: RunInstruction, dir: string): boolean {
  return run.mounts.some(
    (m) =>
      (m.type === 'cache' || m.type === 'tmpfs') && (m.options['target'] ?? '').startsWith(dir),
  );
}

/** A cache or tmpfs mount whose target contains `part` (DL3042's `.cache/pip`). */
export function hasCacheMountContaining(run: RunInstruction, part: string): boolean {
  return run.mounts.some(
    (m) => (m.type === 'cache' || m.type === 'tmpfs') && (m.options['target'] ?? '').includes(part),
  );
}

export function isPipInstall(cmd: ShellCommand): boolean {
  const name = programName(cmd);
  if (/^pip[0-9.]*$/.test(name)) return cmd.args.includes('install');
  return (
    /^python[0-9.]*$/.test(name) &&
    cmd.args[0] === '-m' &&
    /^pip[0-9.]*$/.test(cmd.args[1] ?? '') &&
    cmd.args.includes('install')
  );
}

export function isAptGetInstall(cmd: ShellCommand): boolean {
  return runs(cmd, 'apt-get', 'install');
}

export function removesAptLists(cmds: readonly ShellCommand[]): boolean {
  return cmds.some(
    (c) =>
      c.name === 'rm' &&
      hasFlag(c, 'r', 'recursive') &&
      c.args.some((a) => /^\/var\/lib\/apt\/lists\/?\*?$/.test(a)),
  );
}

/** The final stage or one another stage starts FROM (DL3009, DL3060 only look there). */
export function mattersForImage(ctx: LintContext, stage: Stage): boolean {
  return stage.index === ctx.finalStage.index || ctx.usedAsBase.has(stage.index);
}

/** The stage plus the stages it inherits from through FROM <stage>, nearest first. */
export function stageChain(ctx: LintContext, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s !== null && chain.length < 100; s = ctx.parentStage(s))
    chain.push(s);
  return chain;
}

export function references(ins: Instruction, name: string): boolean {
  return new RegExp(`\\$(${name}\\b|\\{${name}[}:+?-])`).test(ins.text);
}

export function isShellForm(run: RunInstruction): boolean {
  return run.command.form === 'shell' && run.heredocs.length === 0;
}

/** An ADD source that does more than COPY would: a URL to fetch or a local archive to unpack. */
export function addDoesMore(source: string): boolean {
  return isUrl(source) || /\.(tar|tgz|gz|bz2|xz|zip|tar\.\w+)$/.test(source);
}

const packageManagers = /^(apt-get|apt|apk|yum|dnf|microdnf|zypper)$/;

/** `<package manager> update` (or refresh, makecache): the package index only. */
export function updatesIndex(cmd: ShellCommand): boolean {
  return runs(cmd, packageManagers, ['update', 'refresh', 'ref', 'makecache']);
}

export function installsPackages(cmd: ShellCommand): boolean {
  return runs(cmd, packageManagers, [
    'install',
    'upgrade',
    'add',
    'in',
    'reinstall',
    'source-install',
    'groupinstall',
    'localinstall',
    'dist-upgrade',
  ]);
}
