/** Count the packages an install command will fetch, from the manifests in the build context. */
import type { BuildContext } from '../context';
import { positionalArgs, programName, type ShellCommand } from '../parse/shell';

/** The context file a container path most likely came from: longest matching path suffix. */
export function contextFileFor(context: BuildContext, path: string): string | undefined {
  const parts = path
    .replace(/^\.?\/+/, '')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    const file = context.included.get(candidate);
    if (file !== undefined) return file.content;
  }
  return undefined;
}

/** Requirement lines in a requirements/lock file, following `-r other.txt` includes. */
export function countRequirements(context: BuildContext, path: string, depth = 0): number {
  const text = contextFileFor(context, path);
  if (text === undefined || depth > 5) return 0;
  let count = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const include = /^(?:-r|--requirement)[=\s]+(\S+)/.exec(line)?.[1];
    if (include !== undefined) count += countRequirements(context, include, depth + 1);
    else if (line !== '' && !line.startsWith('#') && !line.startsWith('-')) count++;
  }
  return count;
}

function pyprojectDependencies(context: BuildContext): number {
  const text = context.included.get('pyproject.toml')?.content ?? '';
  const list = /^dependencies\s*=\s*\[([\s\S]*?)\]/m.exec(text)?.[1] ?? '';
  return (list.match(/["'][^"']+["']/g) ?? []).length;
}

function lockPackages(context: BuildContext, file: string): number {
  return (context.included.get(file)?.content.match(/^\[\[package\]\]/gm) ?? []).length;
}

function packageJsonDependencies(context: BuildContext): number {
  const text = context.included.get('package.json')?.content;
  if (text === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return 0;
    let count = 0;
    for (const key of ['dependencies', 'devDependencies']) {
      const deps: unknown = Reflect.get(parsed, key);
      if (typeof deps === 'object' && deps !== null) count += Object.keys(deps).length;
    }
    return count;
  } catch {
    return 0;
  }
}

export type InstallKind = 'pip' | 'uv' | 'apt' | 'apk' | 'npm' | 'go' | 'other';

/** What a command installs and how many packages, or null when it installs nothing. */
export function installOf(
  command: ShellCommand,
  context: BuildContext,
): { kind: InstallKind; packages: number } | null {
  const name = programName(command);
  const args = command.args;
  const pipLike =
    /^pip[0-9.]*$/.test(name) ||
    (/^python[0-9.]*$/.test(name) && args[0] === '-m' && /^pip/.test(args[1] ?? ''));
  if (pipLike && args.includes('install')) {
    let packages = 0;
    args.forEach((arg, i) => {
      if ((arg === '-r' || arg === '--requirement') && args[i + 1])
        packages += countRequirements(context, args[i + 1] ?? '');
      else if (arg.startsWith('--requirement='))
        packages += countRequirements(context, arg.slice(14));
    });
    const named = positionalArgs(command, [
      'r',
      'requirement',
      'c',
      'constraint',
      'i',
      'index-url',
      'extra-index-url',
      'target',
      't',
      'prefix',
    ]).filter((a) => a !== 'install' && a !== '-m' && !/^pip/.test(a));
    for (const pkg of named)
      packages +=
        pkg === '.' && !args.includes('--no-deps') ? 1 + pyprojectDependencies(context) : 1;
    return { kind: 'pip', packages };
  }
  if (name === 'uv' && (args[0] === 'sync' || (args[0] === 'pip' && args[1] === 'install'))) {
    const locked = lockPackages(context, 'uv.lock');
    return { kind: 'uv', packages: locked > 0 ? locked : pyprojectDependencies(context) };
  }
  if (name === 'poetry' && args[0] === 'install')
    return { kind: 'pip', packages: lockPackages(context, 'poetry.lock') };
  if ((name === 'apt-get' || name === 'apt') && args.includes('install')) {
    return {
      kind: 'apt',
      packages: positionalArgs(command, ['t', 'o', 'target-release']).filter((a) => a !== 'install')
        .length,
    };
  }
  if (name === 'apk' && args[0] === 'add')
    return { kind: 'apk', packages: positionalArgs(command, ['X', 'repository', 't']).length - 1 };
  if (
    ['npm', 'yarn', 'pnpm'].includes(name) &&
    ['ci', 'install', 'i'].includes(args[0] ?? 'install')
  ) {
    const named = positionalArgs(command).slice(1).length;
    return { kind: 'npm', packages: named > 0 ? named : packageJsonDependencies(context) };
  }
  if (name === 'go' && (args[0] === 'mod' || args[0] === 'install' || args[0] === 'get')) {
    const sum =
      context.included
        .get('go.sum')
        ?.content.split('\n')
        .filter((l) => l.trim() !== '').length ?? 0;
    return { kind: 'go', packages: Math.max(1, Math.ceil(sum / 2)) };
  }
  return null;
}
