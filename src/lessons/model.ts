/** What a parsed lesson pack is made of. Everything here is plain data (JSON-serialisable). */
import type { WidgetBlock } from '../shared/tool';
import type { LessonMeta, PackManifest } from './schema';

/** A problem found in a pack, precise enough to fix: which file, which line, which field. */
export interface PackIssue {
  pack: string;
  file: string;
  line: number;
  /** Dotted path of the field, e.g. `lessons.2` or `title`; absent for Markdown problems. */
  field?: string;
  message: string;
}

export interface ProseBlock {
  kind: 'prose';
  line: number;
  markdown: string;
}

export interface CellBlock {
  kind: 'cell';
  line: number;
  id: string;
  code: string;
  /** The author says this cell raises on purpose (pack check then expects an error). */
  expectError: boolean;
  /** The cell loops until the learner presses Stop (pack check stops it after a moment). */
  runsForever: boolean;
  /** Lines input() reads when pack check runs the cell. */
  input: string[];
}

export interface ExampleBlock {
  kind: 'example';
  line: number;
  language: string;
  code: string;
}

export interface ExerciseBlock {
  kind: 'exercise';
  line: number;
  id: string;
  title: string;
  /** The language of the starter and solution: python runs; others are checked as text. */
  language: string;
  /** Markdown shown above the editor. */
  prompt: string;
  starter: string;
  solution: string;
  /** Python run after the learner's code, in the same namespace (see checks.py). */
  checks: string;
  hints: string[];
}

export interface ProjectFile {
  path: string;
  language: string;
  content: string;
  readOnly: boolean;
}

export interface ProjectBlock {
  kind: 'project';
  line: number;
  id: string;
  title: string;
  files: ProjectFile[];
  /** The file that Run executes. */
  entry: string;
  expectError: boolean;
}

/** A block handled by a tool's widget kind (resolver lab, docker-cache lab, ...). */
export type { WidgetBlock } from '../shared/tool';

export type Block =
  ProseBlock | CellBlock | ExampleBlock | ExerciseBlock | ProjectBlock | WidgetBlock;

export interface Lesson {
  id: string;
  file: string;
  meta: LessonMeta;
  blocks: Block[];
}

export interface Pack {
  manifest: PackManifest;
  lessons: Lesson[];
}

/** A pack as the catalogue sees it: loaded, or broken with its issues listed. */
export type PackLoad =
  | { ok: true; pack: Pack; source: PackSource }
  | { ok: false; id: string; title: string; issues: PackIssue[]; source: PackSource };

export type PackSource =
  { kind: 'builtin' } | { kind: 'url'; url: string } | { kind: 'file'; name: string };
