/** Which RUN commands install dependencies, and which manifest files they read (SBX001, SBX006). */
import { baseName } from '../paths';
import { positionalArgs, programName, type ShellCommand } from '../parse/shell';
import { isPipInstall } from './helpers';

export interface DependencyInstall {
  tool: string;
  /** Files the install reads; null when it needs the whole project source. */
  manifests: string[] | null;
  /** Where the tool keeps its download cache (for a cache mount). */
  cacheTargets: string[];
}

const manifestNames =
  /^(requirements.*\.(txt|in|lock)|pyproject\.toml|uv\.lock|poetry\.lock|Pipfile(\.lock)?|package(-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|go\.(mod|sum)|Cargo\.(toml|lock)|Gemfile(\.lock)?|composer\.(json|lock)|pom\.xml)$/;

export function isManifest(path: string): boolean {
  return manifestNames.test(baseName(path));
}

function requirementFiles(cmd: ShellCommand): string[] {
  const files: string[] = [];
  cmd.args.forEach((arg, i) => {
    const next = cmd.args[i + 1];
    if (['-r', '--requirement', '-c', '--constraint'].includes(arg) && next !== undefined)
      files.push(next);
    const inline = /^--(requirement|constraint)=(.+)$/.exec(arg)?.[2];
    if (inline !== undefined) files.push(inline);
  });
  return files;
}

export function dependencyInstall(cmd: ShellCommand): DependencyInstall | null {
  const name = programName(cmd);
  const args = cmd.args;
  const first = positionalArgs(cmd)[0];
  if (isPipInstall(cmd)) {
    const files = requirementFiles(cmd);
    if (files.length > 0)
      return { tool: 'pip', manifests: files, cacheTargets: ['/root/.cache/pip'] };
    if (args.includes('--no-deps')) return null;
    const project = positionalArgs(cmd).some(
      (a) => a === '.' || a.startsWith('./') || a === '.[dev]',
    );
    return project ? { tool: 'pip', manifests: null, cacheTargets: ['/root/.cache/pip'] } : null;
  }
  if (name === 'uv' && first === 'sync') {
    return {
      tool: 'uv',
      manifests: args.includes('--no-install-project') ? ['pyproject.toml', 'uv.lock'] : null,
      cacheTargets: ['/root/.cache/uv'],
    };
  }
  if (name === 'uv' && first === 'pip' && args.includes('install')) {
    const files = requirementFiles(cmd);
    return {
      tool: 'uv',
      manifests: files.length > 0 ? files : null,
      cacheTargets: ['/root/.cache/uv'],
    };
  }
  if (name === 'poetry' && first === 'install') {
    return {
      tool: 'poetry',
      manifests: args.includes('--no-root') ? ['pyproject.toml', 'poetry.lock'] : null,
      cacheTargets: ['/root/.cache/pypoetry'],
    };
  }
  if (name === 'pipenv' && first === 'install')
    return {
      tool: 'pipenv',
      manifests: ['Pipfile', 'Pipfile.lock'],
      cacheTargets: ['/root/.cache/pipenv'],
    };
  if (name === 'pip-sync')
    return { tool: 'pip', manifests: positionalArgs(cmd), cacheTargets: ['/root/.cache/pip'] };
  if (
    name === 'npm' &&
    (first === 'ci' || ((first === 'install' || first === 'i') && positionalArgs(cmd).length === 1))
  ) {
    return {
      tool: 'npm',
      manifests: ['package.json', 'package-lock.json'],
      cacheTargets: ['/root/.npm'],
    };
  }
  if (name === 'yarn' && (first === undefined || first === 'install'))
    return {
      tool: 'yarn',
      manifests: ['package.json', 'yarn.lock'],
      cacheTargets: ['/usr/local/share/.cache/yarn'],
    };
  if (name === 'pnpm' && first === 'install')
    return {
      tool: 'pnpm',
      manifests: ['package.json', 'pnpm-lock.yaml'],
      cacheTargets: ['/root/.local/share/pnpm/store'],
    };
  if (name === 'bundle' && first === 'install')
    return {
      tool: 'bundler',
      manifests: ['Gemfile', 'Gemfile.lock'],
      cacheTargets: ['/usr/local/bundle/cache'],
    };
  if (name === 'go' && first === 'mod' && args.includes('download'))
    return { tool: 'go', manifests: ['go.mod', 'go.sum'], cacheTargets: ['/go/pkg/mod'] };
  if (name === 'cargo' && first === 'fetch')
    return {
      tool: 'cargo',
      manifests: ['Cargo.toml', 'Cargo.lock'],
      cacheTargets: ['/usr/local/cargo/registry'],
    };
  if (name === 'cargo' && first === 'build')
    return { tool: 'cargo', manifests: null, cacheTargets: ['/usr/local/cargo/registry'] };
  if (name === 'mvn' && args.includes('dependency:go-offline'))
    return { tool: 'maven', manifests: ['pom.xml'], cacheTargets: ['/root/.m2'] };
  if (name === 'composer' && first === 'install')
    return {
      tool: 'composer',
      manifests: ['composer.json', 'composer.lock'],
      cacheTargets: ['/root/.composer/cache'],
    };
  return null;
}
