/**
 * What a page author can say on a `<wheelhouse-cell>` (or an upgraded `<pre data-wheelhouse>`):
 * the attributes, read into options with their defaults. Pure, so it is tested without a DOM.
 * A bad value never stops the cell: it falls back to the default and says why (console).
 */
import type { ThemeChoice } from '../editor';

export type RuntimeChoice = 'shared' | 'own';

export interface CellOptions {
  /** Accessible name of the cell, e.g. "Python cell 2". */
  label: string;
  /** Packages to install before the cell first runs (Pyodide's, else pure-Python from PyPI). */
  packages: string[];
  readOnly: boolean;
  /** Run as soon as the cell is first visible. */
  autorun: boolean;
  /** Editor height in lines: `min` grows to `max` with the code. */
  lines: { min: number; max: number };
  theme: ThemeChoice;
  /** `shared`: the page's one interpreter; `own`: an interpreter for this cell alone. */
  runtime: RuntimeChoice;
  /** The id of the element holding this cell's exercise checks, if any. */
  checkId: string | null;
  /** Ruff marks mistakes as you type (Ruff is a 4 MB download, so it is opt-in). */
  lint: boolean;
}

/** Reads one attribute: `name`, else `data-name` (so a `<pre>` can stay valid HTML). */
export type AttributeReader = (name: string) => string | null;

/** The attributes a cell understands, for docs and for warnings about typos. */
export const CELL_ATTRIBUTES = [
  'label',
  'packages',
  'readonly',
  'autorun',
  'height',
  'theme',
  'runtime',
  'check',
  'lint',
] as const;

export const DEFAULT_LINES = { min: 3, max: 30 } as const;
const MAX_LINES = 200;
/** CodeEditor's metrics: 20px lines and 8px padding above and below. */
const LINE_HEIGHT_PX = 20;
const EDITOR_PADDING_PX = 16;
const THEMES: readonly ThemeChoice[] = ['light', 'dark', 'auto'];
const RUNTIMES: readonly RuntimeChoice[] = ['shared', 'own'];
/** A requirement micropip understands, without commas: `numpy`, `requests==2.32.3`, `a[b]>=1`. */
const REQUIREMENT =
  /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?([<>=!~]=?[A-Za-z0-9.*+!_-]+)?$/;

export function attributeReader(element: Pick<Element, 'getAttribute'>): AttributeReader {
  return (name) => element.getAttribute(name) ?? element.getAttribute(`data-${name}`);
}

export function parseCellOptions(
  read: AttributeReader,
  position: number,
): { options: CellOptions; warnings: string[] } {
  const warnings: string[] = [];
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name)?.trim().toLowerCase();
    if (value === undefined || value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    warnings.push(`${name}="${value}" is not one of ${allowed.join(', ')}; using ${fallback}`);
    return fallback;
  };
  const packages = parsePackages(read('packages') ?? '');
  warnings.push(...packages.warnings);
  const height = parseHeight(read('height'));
  if (height.warning) warnings.push(height.warning);
  const checkId = read('check')?.trim().replace(/^#/, '') || null;
  return {
    options: {
      label: read('label')?.trim() || `Python cell ${position}`,
      packages: packages.names,
      readOnly: flag(read('readonly')),
      autorun: flag(read('autorun')),
      lines: height.lines,
      theme: choice('theme', THEMES, 'auto'),
      runtime: choice('runtime', RUNTIMES, 'shared'),
      checkId,
      lint: flag(read('lint')),
    },
    warnings,
  };
}

/** A boolean attribute: present means on, except the spelled-out `"false"`. */
export function flag(value: string | null): boolean {
  return value !== null && value.trim().toLowerCase() !== 'false';
}

/** `"numpy, pandas requests==2.32.3"` → names, separated by spaces or commas. */
export function parsePackages(value: string): { names: string[]; warnings: string[] } {
  const names: string[] = [];
  const warnings: string[] = [];
  for (const name of value.split(/[\s,]+/).filter(Boolean)) {
    if (!REQUIREMENT.test(name)) warnings.push(`packages: "${name}" is not a package name`);
    else if (!names.includes(name)) names.push(name);
  }
  return { names, warnings };
}

/** `height="12"` is 12 lines; `height="240px"` is as many lines as fit in 240 pixels. */
export function parseHeight(value: string | null): {
  lines: { min: number; max: number };
  warning?: string;
} {
  const text = value?.trim().toLowerCase();
  if (!text) return { lines: { ...DEFAULT_LINES } };
  const match = /^(\d+)(px)?$/.exec(text);
  if (!match) {
    return {
      lines: { ...DEFAULT_LINES },
      warning: `height="${value}" is neither a number of lines nor pixels (e.g. 12 or 240px)`,
    };
  }
  const number = Number(match[1]);
  const lines = match[2] ? Math.floor((number - EDITOR_PADDING_PX) / LINE_HEIGHT_PX) : number;
  const clamped = Math.min(Math.max(lines, 1), MAX_LINES);
  return { lines: { min: clamped, max: clamped } };
}

/**
 * The code as the author meant it: HTML indentation and the blank lines around it removed,
 * Windows line ends made plain, inner indentation kept.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0]);
  const common = indents.reduce((prefix, indent) => {
    let length = 0;
    while (length < prefix.length && prefix[length] === indent[length]) length++;
    return prefix.slice(0, length);
  }, indents[0] ?? '');
  return lines.map((line) => (line.trim() ? line.slice(common.length) : '')).join('\n');
}

/** Attribute names a cell does not understand: most likely typos, such as `readony`. */
export function unknownAttributes(names: readonly string[]): string[] {
  const known = new Set<string>(CELL_ATTRIBUTES);
  const global = /^(id|class|style|title|lang|dir|hidden|tabindex|slot|data-.*|aria-.*|on.*)$/;
  return names.filter((name) => !known.has(name) && !global.test(name));
}
