/**
 * Instructor tooling for lesson packs (scripts/pack.ts runs it with the app's tools):
 *   npm run pack -- check <dir>              validate, then prove every item in Pyodide
 *   npm run pack -- build <dir> -o <file>    validate and bundle into one JSON file
 *   npm run pack -- new <dir>                scaffold a pack that passes check
 *   npm run pack -- check-all [<folder>]     check every pack in a folder (lessons:verify)
 * Exit status: 0 all good, 1 something failed, 2 the command itself was wrong.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NodeRuntime } from '../runtime/node/node-runtime';
import { slugify } from '../shared/slug';
import type { WidgetTable } from '../shared/tool';
import { bundlePack, readPackFolder } from './pack-files';
import { formatIssue, parsePack } from './parse-pack';
import { scaffoldFiles } from './scaffold';
import { verifyPack, type VerifyItem } from './verify';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const;

function print(item: VerifyItem, tally: Tally): void {
  tally[item.status]++;
  const detail = item.detail
    ? `: ${item.status === 'skipped' ? 'skipped: ' : ''}${item.detail}`
    : '';
  console.log(`  ${MARK[item.status]} ${item.label}${detail}`);
}

async function checkFolder(
  dir: string,
  widgets: WidgetTable,
  runtime: () => Promise<NodeRuntime>,
  tally: Tally,
): Promise<void> {
  const parsed = parsePack(readPackFolder(dir), path.basename(dir), widgets);
  const shown = path.relative(process.cwd(), dir);
  console.log(`Checking ${parsed.id} (${shown.startsWith('..') ? dir : shown || '.'})`);
  for (const issue of parsed.issues) {
    print({ status: 'failed', label: formatIssue(issue), detail: '' }, tally);
  }
  if (parsed.pack) await verifyPack(parsed.pack, await runtime(), (item) => print(item, tally));
}

function packFolders(root: string): string[] {
  return readdirSync(root)
    .map((name) => path.join(root, name))
    .filter((dir) => statSync(dir).isDirectory())
    .sort();
}

async function check(dirs: string[], widgets: WidgetTable): Promise<number> {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  let started: Promise<NodeRuntime> | undefined;
  const runtime = () => (started ??= NodeRuntime.start());
  try {
    for (const dir of dirs) await checkFolder(path.resolve(dir), widgets, runtime, tally);
  } finally {
    if (started) await (await started).close();
  }
  console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  return tally.failed ? 1 : 0;
}

function build(dir: string, output: string, widgets: WidgetTable): number {
  const files = readPackFolder(path.resolve(dir));
  const parsed = parsePack(files, path.basename(path.resolve(dir)), widgets);
  if (!parsed.pack) {
    for (const issue of parsed.issues) console.error(formatIssue(issue));
    console.error(`not built: ${parsed.issues.length} problem(s)`);
    return 1;
  }
  const bundle = bundlePack(parsed.pack.manifest.id, parsed.pack.manifest.version, files);
  writeFileSync(output, `${JSON.stringify(bundle)}\n`);
  console.log(
    `built ${parsed.pack.manifest.id} ${parsed.pack.manifest.version} (${parsed.pack.lessons.length} lessons) -> ${output}`,
  );
  return 0;
}

function scaffold(dir: string): number {
  if (existsSync(dir) && readdirSync(dir).length) {
    console.error(`${dir} exists and is not empty; choose a new folder`);
    return 2;
  }
  mkdirSync(dir, { recursive: true });
  const id = slugify(path.basename(path.resolve(dir)));
  for (const [name, text] of Object.entries(scaffoldFiles(id)))
    writeFileSync(path.join(dir, name), text);
  console.log(`created ${dir}: pack.yaml and first-steps.md. Next: npm run pack -- check ${dir}`);
  return 0;
}

const USAGE = `usage: npm run pack -- check <dir> | build <dir> -o <file> | new <dir> | check-all [<folder>]`;

/** Runs one `npm run pack` command; resolves to the process's exit status. */
export async function runPackCommand(args: string[], widgets: WidgetTable): Promise<number> {
  const [command, target, ...rest] = args;
  if (command === 'check' && target) return check([target, ...rest], widgets);
  if (command === 'check-all')
    return check(packFolders(path.resolve(target ?? 'lessons')), widgets);
  if (command === 'new' && target) return scaffold(target);
  if (command === 'build' && target) {
    const flag = rest.indexOf('-o');
    const output = flag === -1 ? undefined : rest[flag + 1];
    if (output) return build(target, output, widgets);
  }
  console.error(USAGE);
  return 2;
}
