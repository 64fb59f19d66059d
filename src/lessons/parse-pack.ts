/**
 * Parses a whole pack from its files (`pack.yaml` and one `<lesson>.md` per lesson). Works on a
 * plain map of file names to text, so the app, the CLI and built packs all share it.
 */
import type { WidgetTable } from '../shared/tool';
import type { Lesson, Pack, PackIssue, PackLoad, PackSource } from './model';
import { parseLesson } from './parse-lesson';
import { packManifestSchema } from './schema';
import { parseYaml, validate } from '../shared/yaml-source';

export const MANIFEST_FILE = 'pack.yaml';
/** Larger files are refused: no lesson needs them and they would stall the page. */
export const MAX_FILE_BYTES = 512 * 1024;

export interface ParsedPack {
  /** The manifest's id when readable, else the folder's name. */
  id: string;
  title: string;
  pack?: Pack;
  issues: PackIssue[];
}

export function parsePack(
  files: Readonly<Record<string, string>>,
  folderName: string,
  widgets: WidgetTable,
): ParsedPack {
  const parsed = parseFiles(files, folderName, widgets);
  // Manifest first, then files in name order; within a file, by line.
  const rank = (file: string) => (file === MANIFEST_FILE ? '' : file);
  parsed.issues.sort((a, b) => rank(a.file).localeCompare(rank(b.file)) || a.line - b.line);
  return parsed;
}

function parseFiles(
  files: Readonly<Record<string, string>>,
  folderName: string,
  widgets: WidgetTable,
): ParsedPack {
  const issues: PackIssue[] = [];
  let id = folderName;
  const report = (file: string, list: Array<{ line: number; field?: string; message: string }>) => {
    for (const issue of list) issues.push({ pack: id, file, ...issue });
  };

  for (const [file, text] of Object.entries(files)) {
    if (text.length > MAX_FILE_BYTES) {
      report(file, [
        {
          line: 1,
          message: `file is ${Math.round(text.length / 1024)} KiB; the limit is ${MAX_FILE_BYTES / 1024} KiB`,
        },
      ]);
    }
  }
  const manifestText = files[MANIFEST_FILE];
  if (manifestText === undefined) {
    report(MANIFEST_FILE, [
      {
        line: 1,
        message: `a pack needs a ${MANIFEST_FILE} manifest (id, title, description, version, authors, licence, lessons)`,
      },
    ]);
    return { id, title: folderName, issues };
  }
  const yaml = parseYaml(manifestText);
  report(MANIFEST_FILE, yaml.errors);
  if (yaml.errors.length) return { id, title: folderName, issues };
  const manifest = validate(packManifestSchema, yaml.data, yaml.lineOf);
  const raw = yaml.data as { id?: unknown; title?: unknown } | undefined;
  if (typeof raw?.id === 'string' && raw.id) id = raw.id;
  const title = typeof raw?.title === 'string' && raw.title ? raw.title : id;
  if (!manifest.ok) report(MANIFEST_FILE, manifest.issues);
  // Even with a broken manifest, check the lessons it names, so one run shows every problem.
  const lessonIds = manifest.ok
    ? manifest.value.lessons
    : Array.isArray((raw as { lessons?: unknown })?.lessons)
      ? ((raw as { lessons: unknown[] }).lessons.filter(
          (item) => typeof item === 'string',
        ) as string[])
      : [];

  const lessons: Lesson[] = [];
  lessonIds.forEach((lessonId, index) => {
    const file = `${lessonId}.md`;
    const source = files[file];
    if (source === undefined) {
      report(MANIFEST_FILE, [
        {
          line: yaml.lineOf(['lessons', index]),
          field: `lessons.${index}`,
          message: `no file ${file} beside ${MANIFEST_FILE}`,
        },
      ]);
      return;
    }
    if (lessonIds.indexOf(lessonId) !== index) {
      report(MANIFEST_FILE, [
        {
          line: yaml.lineOf(['lessons', index]),
          field: `lessons.${index}`,
          message: `lesson "${lessonId}" is listed twice`,
        },
      ]);
      return;
    }
    const parsed = parseLesson(source, lessonId, file, widgets);
    report(file, parsed.issues);
    if (parsed.lesson) lessons.push(parsed.lesson);
  });
  for (const file of Object.keys(files)) {
    if (
      file.endsWith('.md') &&
      !lessonIds.includes(file.slice(0, -3)) &&
      !/^readme\.md$/i.test(file)
    ) {
      report(file, [{ line: 1, message: `${file} is not listed in ${MANIFEST_FILE} "lessons"` }]);
    }
  }
  if (!manifest.ok) return { id, title, issues };
  if (issues.length) return { id, title, issues };
  return { id, title, pack: { manifest: manifest.value, lessons }, issues };
}

/** "welcome/pack.yaml:4 (lessons.1): no file intro.md beside pack.yaml" */
export function formatIssue(issue: PackIssue): string {
  const field = issue.field ? ` (${issue.field})` : '';
  return `${issue.pack}/${issue.file}:${issue.line}${field}: ${issue.message}`;
}

/** A parsed pack as the catalogue lists it: usable, or broken with its issues. */
export function toPackLoad(
  files: Record<string, string>,
  folder: string,
  source: PackSource,
  widgets: WidgetTable,
): PackLoad {
  const parsed = parsePack(files, folder, widgets);
  return parsed.pack
    ? { ok: true, pack: parsed.pack, source }
    : { ok: false, id: parsed.id, title: parsed.title, issues: parsed.issues, source };
}
