/**
 * Instructor tooling for lesson packs (scripts/pack.ts runs it with the app's tools):
 *   npm run pack -- check <dir>              validate, then prove every item in Pyodide
 *   npm run pack -- build <dir> -o <file>    validate and bundle into one JSON file
 *   npm run pack -- new <dir>                scaffold a pack that passes check
 *   npm run pack -- check-all [<folder>]     check every pack in a folder (lessons:verify)
 * Exit status: 0 all good, 1 something failed, 2 the command itself was wrong.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeRuntime } from '../runtime/node/node-runtime';
import { slugify } from '../shared/slug';
import type { WidgetTable } from '../shared/tool';
import { parseYaml } from '../shared/yaml-source';
import type { PackIssue } from './model';
import { bundlePack, readPackFolder } from './pack-files';
import { formatIssue, MANIFEST_FILE, parsePack, sortIssues, type ParsedPack } from './parse-pack';
import { prerequisiteIssues } from './prerequisites';
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

interface CheckedFolder {
  dir: string;
  files: Record<string, string>;
  parsed: ParsedPack;
}

function readFolder(dir: string, widgets: WidgetTable): CheckedFolder {
  const files = readPackFolder(dir);
  return { dir, files, parsed: parsePack(files, path.basename(dir), widgets) };
}

async function checkFolder(
  { dir, parsed }: CheckedFolder,
  issues: PackIssue[],
  runtime: () => Promise<NodeRuntime>,
  tally: Tally,
): Promise<void> {
  const shown = path.relative(process.cwd(), dir);
  console.log(`Checking ${parsed.id} (${shown.startsWith('..') ? dir : shown || '.'})`);
  for (const issue of issues) {
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

/** The ids of the packs built into the app (the folders under lessons/), which `after` may name. */
function builtinPackIds(): string[] {
  const root = fileURLToPath(new URL('../../lessons', import.meta.url));
  return packFolders(root).map((dir) => {
    const manifest = path.join(dir, MANIFEST_FILE);
    const data = existsSync(manifest) ? parseYaml(readFileSync(manifest, 'utf8')).data : undefined;
    const id = (data as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? id : path.basename(dir);
  });
}

async function check(dirs: string[], widgets: WidgetTable): Promise<number> {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  let started: Promise<NodeRuntime> | undefined;
  const runtime = () => (started ??= NodeRuntime.start());
  // Read them all first: a pack's `after` may name another pack checked with it.
  const folders = dirs.map((dir) => readFolder(path.resolve(dir), widgets));
  const prerequisites = prerequisiteIssues(
    folders.map(({ files, parsed }) => ({ id: parsed.id, manifest: files[MANIFEST_FILE] })),
    builtinPackIds(),
  );
  try {
    for (const folder of folders) {
      const own = prerequisites.filter((issue) => issue.pack === folder.parsed.id);
      await checkFolder(folder, sortIssues([...folder.parsed.issues, ...own]), runtime, tally);
    }
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
