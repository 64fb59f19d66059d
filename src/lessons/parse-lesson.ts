/** Turns one lesson's Markdown (front matter + body) into validated blocks, or precise issues. */
import type { WidgetDefinition, WidgetTable } from '../shared/tool';
import type { Block, CellBlock, ExampleBlock, Lesson, WidgetBlock } from './model';
import { cellAttributesSchema, lessonMetaSchema } from './schema';
import { splitSegments, type Container, type Fence } from './segments';
import { parseExercise, parseProject } from './parse-containers';
import { attributesOf } from './attributes-schema';
import { parseYaml, validate, type LocatedIssue } from '../shared/yaml-source';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface ParsedLesson {
  lesson?: Lesson;
  issues: LocatedIssue[];
}

/** `widgets`: the widget kinds fences may name (src/app/tools.ts lists the app's). */
export function parseLesson(
  source: string,
  id: string,
  file: string,
  widgets: WidgetTable,
): ParsedLesson {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      issues: [
        {
          line: 1,
          message:
            'a lesson starts with front matter between "---" lines (title, summary, minutes)',
        },
      ],
    };
  }
  const issues: LocatedIssue[] = [];
  const yaml = parseYaml(match[1]!, 2);
  issues.push(...yaml.errors);
  const meta = yaml.errors.length ? undefined : validate(lessonMetaSchema, yaml.data, yaml.lineOf);
  if (meta && !meta.ok) issues.push(...meta.issues);

  const bodyLine = match[0].split('\n').length;
  const { segments, errors } = splitSegments(source.slice(match[0].length), bodyLine);
  issues.push(...errors);
  const blocks: Block[] = [];
  const counters = { cell: 0, project: 0, widget: 0 };
  for (const segment of segments) {
    if (segment.type === 'prose') {
      blocks.push({ kind: 'prose', line: segment.line, markdown: segment.markdown });
    } else if (segment.type === 'fence') {
      const block = fenceBlock(segment, widgets, counters, issues);
      if (block) blocks.push(block);
    } else {
      const block = containerBlock(segment, counters, issues);
      if (block) blocks.push(block);
    }
  }
  checkUniqueIds(blocks, issues);
  if (issues.length || !meta?.ok) return { issues };
  return { lesson: { id, file, meta: meta.value, blocks }, issues };
}

type Counters = { cell: number; project: number; widget: number };

const CELL_FLAGS = new Set(['python', 'run', 'expect-error', 'runs-forever']);

function fenceBlock(
  fence: Fence,
  widgets: WidgetTable,
  counters: Counters,
  issues: LocatedIssue[],
): Block | undefined {
  const [language = '', role] = fence.words;
  const widget = widgets.get(language);
  if (widget) return widgetBlock(fence, widget, counters, issues);
  if (role === 'run') {
    if (language !== 'python') {
      issues.push({
        line: fence.line,
        message: `only python blocks can run (this one is "${language}")`,
      });
      return undefined;
    }
    const unknownFlag = fence.words.find((word) => !CELL_FLAGS.has(word));
    if (unknownFlag) {
      issues.push({
        line: fence.line,
        message: `unknown word "${unknownFlag}" after "python run" (allowed: expect-error, runs-forever)`,
      });
    }
    const attributes = attributesOf(fence, cellAttributesSchema, issues);
    counters.cell++;
    const cell: CellBlock = {
      kind: 'cell',
      line: fence.line,
      id: attributes?.id ?? `cell-${counters.cell}`,
      code: fence.code,
      expectError: fence.words.includes('expect-error'),
      runsForever: fence.words.includes('runs-forever'),
      input: attributes?.input?.split('|') ?? [],
    };
    return cell;
  }
  if (role && ['starter', 'solution', 'checks', 'hint'].includes(role)) {
    issues.push({
      line: fence.line,
      message: `a "${role}" block belongs inside a "::: exercise" container`,
    });
    return undefined;
  }
  if (fence.attributes.file !== undefined) {
    issues.push({
      line: fence.line,
      message: 'a block with file= belongs inside a "::: project" container',
    });
    return undefined;
  }
  const example: ExampleBlock = {
    kind: 'example',
    line: fence.line,
    language: language || 'text',
    code: fence.code,
  };
  return example;
}

function widgetBlock(
  fence: Fence,
  widget: WidgetDefinition,
  counters: Counters,
  issues: LocatedIssue[],
): WidgetBlock | undefined {
  const attributes = attributesOf(fence, widget.attributes, issues);
  if (!attributes) return undefined;
  for (const problem of widget.checkBody?.(fence.code, attributes) ?? []) {
    issues.push({ line: fence.line + problem.line, message: `${widget.name}: ${problem.message}` });
  }
  counters.widget++;
  return {
    kind: 'widget',
    line: fence.line,
    widget: widget.name,
    id: attributes.id ?? `${widget.name}-${counters.widget}`,
    attributes,
    body: fence.code,
  };
}

function containerBlock(
  container: Container,
  counters: Counters,
  issues: LocatedIssue[],
): Block | undefined {
  const [kind] = container.words;
  if (kind === 'exercise') return parseExercise(container, issues);
  if (kind === 'project') {
    counters.project++;
    return parseProject(container, `project-${counters.project}`, issues);
  }
  issues.push({
    line: container.line,
    message: `unknown container "${kind}" (allowed: exercise, project)`,
  });
  return undefined;
}

function checkUniqueIds(blocks: Block[], issues: LocatedIssue[]): void {
  const seen = new Map<string, number>();
  for (const block of blocks) {
    if (!('id' in block)) continue;
    const first = seen.get(block.id);
    if (first !== undefined) {
      issues.push({
        line: block.line,
        field: 'id',
        message: `id "${block.id}" is already used on line ${first}`,
      });
    } else {
      seen.set(block.id, block.line);
    }
  }
}
