/**
 * `npm run resolve -- <problem.json|problem.txt> [--explain] [--lock] [--naive] [--max-steps N]`
 *
 * Prints the result as JSON; `--explain` prints the failure report, or one `name==version` line
 * per package on success; `--lock` prints a lock file. A `.txt` file (or any file that does not
 * start with "{") is read in the text format of text-format.ts. Exit codes: 0 solved,
 * 1 unsatisfiable (or the naive search gave up), 2 bad input, with the message on stderr.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ResolverInputError } from './errors';
import { formatLockFile } from './lock';
import { solveNaive } from './naive';
import { parseProblem } from './problem-schema';
import { solve } from './solver';
import { parseProblemText, ProblemTextError } from './text-format';

export interface CliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const usage =
  'Usage: npm run resolve -- <problem.json|problem.txt> [--explain] [--lock] [--naive] [--max-steps N]';

interface Args {
  file: string;
  explain: boolean;
  lock: boolean;
  naive: boolean;
  maxSteps: number | undefined;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { file: '', explain: false, lock: false, naive: false, maxSteps: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--explain') args.explain = true;
    else if (arg === '--lock') args.lock = true;
    else if (arg === '--naive') args.naive = true;
    else if (arg === '--max-steps') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) return '--max-steps needs a whole number';
      args.maxSteps = n;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else if (args.file === '') args.file = arg;
    else return `unexpected argument ${arg}`;
  }
  return args.file === '' ? 'no problem file given' : args;
}

function readProblem(file: string, io: CliIo): unknown {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new ResolverInputError(
      `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (file.endsWith('.txt') || !text.trimStart().startsWith('{')) return parseProblemText(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ResolverInputError(`${file} is not valid JSON: ${String(error)}`);
  }
}

/** `name==version` per package, sorted by name like `pip freeze`. */
function solutionLines(solution: Readonly<Record<string, string>>): string {
  return Object.keys(solution)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map((name) => `${name}==${solution[name] ?? ''}\n`)
    .join('');
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n${usage}\n`);
    return 2;
  }
  try {
    const input = readProblem(args.file, io);
    const result = args.naive
      ? solveNaive(input, args.maxSteps === undefined ? {} : { maxSteps: args.maxSteps })
      : solve(input);
    if (args.lock && result.ok) io.stdout(formatLockFile(parseProblem(input), result.solution));
    else if (args.explain || args.lock) {
      io.stdout(result.ok ? solutionLines(result.solution) : `${result.explanation}\n`);
    } else io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof ResolverInputError || error instanceof ProblemTextError)) throw error;
    io.stderr(`${error.message}\n`);
    return 2;
  }
}

const invokedDirectly =
  typeof process !== 'undefined' &&
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  process.exitCode = runCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
