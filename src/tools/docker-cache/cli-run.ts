/**
 * The docker-cache command line, separated from process I/O so it can be tested:
 *   npm run docker-cache -- scenario.json [--builder buildkit|classic] [--first-build] [--lint]
 *                                         [--case <name>] [--refresh on-pull|always]
 * Prints JSON on stdout. Bad input (unreadable file, invalid JSON or scenario, Dockerfile parse
 * errors) prints a message naming the field or line on stderr and exits 2.
 */
import type { BuilderName } from './build/types';
import { lint } from './lint';
import { validateScenario, type Scenario } from './scenario';
import { simulate, type SimulationResult } from './simulate';

export interface CliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const usage =
  'usage: npm run docker-cache -- <scenario.json> [--builder buildkit|classic] [--first-build] [--lint] [--case <name>] [--refresh on-pull|always]';

interface Args {
  file: string;
  builder: BuilderName;
  firstBuild: boolean;
  lint: boolean;
  caseName: string | null;
  refresh: 'on-pull' | 'always';
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = {
    file: '',
    builder: 'buildkit',
    firstBuild: false,
    lint: false,
    caseName: null,
    refresh: 'on-pull',
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    const [flag, inline] =
      word.startsWith('--') && word.includes('=')
        ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]
        : [word, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--builder') {
      const builder = value();
      if (builder === 'classic' || builder === 'legacy') args.builder = 'classic';
      else if (builder === 'buildkit') args.builder = 'buildkit';
      else return `--builder must be buildkit or classic, not ${builder ?? '(nothing)'}`;
    } else if (flag === '--refresh') {
      const refresh = value();
      if (refresh !== 'on-pull' && refresh !== 'always')
        return '--refresh must be on-pull or always';
      args.refresh = refresh;
    } else if (flag === '--case') {
      args.caseName = value() ?? null;
    } else if (flag === '--first-build') args.firstBuild = true;
    else if (flag === '--lint') args.lint = true;
    else if (flag.startsWith('-')) return `unknown option ${flag}`;
    else if (args.file === '') args.file = flag;
    else return `unexpected argument ${flag}`;
  }
  return args.file === '' ? 'missing the scenario file' : args;
}

/** A scenarios file (`{"cases": [...]}`) or a single scenario. */
function scenariosIn(
  data: unknown,
  caseName: string | null,
): Array<{ label: string; data: unknown }> | string {
  if (typeof data === 'object' && data !== null && 'cases' in data && Array.isArray(data.cases)) {
    const cases: unknown[] = data.cases;
    const labelled = cases.map((c, i) => ({
      label:
        typeof c === 'object' && c !== null && 'name' in c && typeof c.name === 'string'
          ? c.name
          : `cases.${i}`,
      data: c,
    }));
    if (caseName === null) return labelled;
    const found = labelled.filter((c) => c.label === caseName);
    return found.length > 0 ? found : `no case named "${caseName}"`;
  }
  return [{ label: '(scenario)', data }];
}

function lintScenario(scenario: Scenario) {
  const files = Object.keys(scenario.files_after ?? scenario.files_before);
  return lint(scenario.dockerfile_after ?? scenario.dockerfile, {
    dockerignore: scenario.dockerignore_after ?? scenario.dockerignore ?? null,
    files,
  });
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`docker-cache: ${args}\n${usage}\n`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(args.file);
  } catch (error) {
    io.stderr(
      `docker-cache: cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    io.stderr(
      `docker-cache: ${args.file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const picked = scenariosIn(data, args.caseName);
  if (typeof picked === 'string') {
    io.stderr(`docker-cache: ${picked}\n`);
    return 2;
  }
  const outputs: unknown[] = [];
  for (const { label, data: one } of picked) {
    const checked = validateScenario(one);
    const where = picked.length > 1 || label !== '(scenario)' ? ` (${label})` : '';
    if (!checked.ok) {
      io.stderr(
        `docker-cache: invalid scenario${where}:\n${checked.errors.map((e) => `  ${e}`).join('\n')}\n`,
      );
      return 2;
    }
    for (const warning of checked.warnings)
      io.stderr(`docker-cache: warning${where}: ${warning}\n`);
    let output: SimulationResult | ReturnType<typeof lintScenario>;
    if (args.lint) {
      output = lintScenario(checked.scenario);
    } else {
      output = simulate(checked.scenario, {
        builder: args.builder,
        mode: args.firstBuild ? 'first-build' : 'rebuild',
        baseImageRefresh: args.refresh,
      });
    }
    if (!output.ok && !('needs_buildkit' in output && output.needs_buildkit)) {
      io.stderr(
        `docker-cache: the Dockerfile cannot be built${where}:\n${output.errors.map((e) => `  ${e}`).join('\n')}\n`,
      );
      return 2;
    }
    outputs.push(picked.length > 1 ? { name: label, ...output } : output);
  }
  io.stdout(`${JSON.stringify(outputs.length === 1 ? outputs[0] : outputs, null, 2)}\n`);
  return 0;
}
