/**
 * YAML parsed with line numbers kept, and zod issues turned into "line N, field F: message"
 * so an author can go straight to the problem.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

export interface LocatedIssue {
  line: number;
  field?: string;
  message: string;
}

export interface YamlSource {
  data: unknown;
  errors: LocatedIssue[];
  /** The line of the value at `path` (or of `key` inside it), or of its nearest parent. */
  lineOf(path: ReadonlyArray<PropertyKey>, key?: string): number;
}

export function parseYaml(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = [...doc.errors, ...doc.warnings].map((error) => ({
    line: toLine(error.pos[0]),
    message: `YAML: ${error.message.split('\n')[0]}`,
  }));
  const lineOf = (path: ReadonlyArray<PropertyKey>, key?: string): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
        { range?: [number, number, number] } | undefined;
      if (depth === path.length && key !== undefined && isMap(node)) {
        const item = node.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
        const range = (item?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return toLine(range[0]);
      }
      if (node?.range) return toLine(node.range[0]);
    }
    return firstLine;
  };
  let data: unknown;
  if (!errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // An alias bomb (aliases of aliases, exponentially) is refused rather than expanded.
      errors.push({
        line: firstLine,
        message: `YAML: ${error instanceof Error ? error.message : error}`,
      });
    }
  }
  return { data, errors, lineOf };
}

/** Validates `data`; issues carry the line of the field they are about. */
export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  lineOf: YamlSource['lineOf'],
): { ok: true; value: z.infer<T> } | { ok: false; issues: LocatedIssue[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.flatMap((issue): LocatedIssue[] => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        line: lineOf(path, key),
        field: [...path, key].join('.'),
        message: `unknown field "${key}"${suggestion(schema, path, key)}`,
      }));
    }
    const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
    return [
      {
        line: lineOf(path),
        field: path.join('.') || undefined,
        message: missing ? 'is required' : friendly(issue.message),
      },
    ];
  });
  return { ok: false, issues };
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  boolean: 'true or false',
};

/** "Invalid input: expected string, received number" -> "should be text, not a number ..." */
function friendly(message: string): string {
  const match = /expected (\w+), received (\w+)/.exec(message);
  if (!match) return message.replace(/^Invalid input: /, '');
  const [, expected, received] = match;
  const hint =
    expected === 'string' && received === 'number' ? ' (put it in quotes, like "1.0.0")' : '';
  return `should be ${KINDS[expected!] ?? expected}, not ${KINDS[received!] ?? received}${hint}`;
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

function suggestion(schema: z.ZodType, path: ReadonlyArray<PropertyKey>, key: string): string {
  if (path.length) return '';
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const known = shape ? Object.keys(shape) : [];
  const close = known.find((name) => distance(name, key) <= 2);
  return close
    ? ` (did you mean "${close}"?)`
    : known.length
      ? ` (allowed: ${known.join(', ')})`
      : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
