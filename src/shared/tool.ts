/**
 * The tool contract. Each tool (the resolver, the Docker cache simulator, ...) is one folder
 * that exports one `ToolDefinition`; src/app/tools.ts lists them, and everything that offers
 * tools reads that list: the routes and the catalogue (`page`), the lesson format's widget
 * table (`widget`), and the Python worker's bridge for exercise checks (`python`). A tool never
 * imports lesson internals: what a lesson gives its widgets is `WidgetProps`.
 */
import type { Component } from 'svelte';
import type { z } from 'zod';

/** A fenced block of a lesson that a widget shows, e.g. ```` ```resolver-lab preset=diamond ````. */
export interface WidgetBlock {
  kind: 'widget';
  line: number;
  /** The fence language that selected the widget. */
  widget: string;
  id: string;
  attributes: Record<string, string>;
  body: string;
}

/** What a widget keeps for the learner between visits (with their progress). */
export interface WidgetMemory {
  /** The text the learner left, when it was edited from the same starting text `base`. */
  load(base: string): string | undefined;
  save(text: string, base: string): void;
}

export interface WidgetProps {
  block: WidgetBlock;
  memory: WidgetMemory;
}

/** A widget kind of the lesson format: the fence language that selects it and how it is shown. */
export interface WidgetDefinition {
  /** The fence language, e.g. `resolver-lab`. */
  name: string;
  /** One line for docs/authoring.md and for error messages. */
  summary: string;
  attributes: z.ZodType<Record<string, string>>;
  /** Problems in the body, with lines counted from the body's first line (1). */
  checkBody?(
    body: string,
    attributes: Record<string, string>,
  ): Array<{ line: number; message: string }>;
  component(): Promise<{ default: Component<WidgetProps> }>;
}

/**
 * Functions Python calls through the module `_wheelhouse_tools_js` while exercise checks run
 * (answersInJson in python-answer.ts makes one). A function's name starts with its tool's, so
 * that names never clash.
 */
export type PythonFunctions = Record<string, (...args: never[]) => string>;

/** A tool's part in exercise checks: Python modules that `wheelhouse_tools` re-exports. */
export interface ToolPython {
  /**
   * The tool's Python modules, by module name: each is `src/tools/<tool name>/python/<module>.py`,
   * and `wheelhouse_tools` re-exports its `__all__`.
   */
  modules: readonly string[];
  /** The JavaScript those modules call, loaded in the worker when checks first need it. */
  functions?(): Promise<PythonFunctions>;
}

/** A tool's lesson widget: its fence language, and the definition, loaded when packs are read. */
export interface ToolWidget {
  name: string;
  load(): Promise<WidgetDefinition>;
}

/** The widget kinds a lesson parser knows, by fence language. */
export type WidgetTable = ReadonlyMap<string, WidgetDefinition>;

/**
 * One tool. Everything but names is loaded on use, so that the list costs nothing to import,
 * and so that the Python worker, which reads the list for `python`, never bundles a page or a
 * widget (vite.config.ts keeps a tool's `lab/` folder and components out of worker builds).
 */
export interface ToolDefinition {
  /** Its id, and its folder under src/tools/: the lab page is /labs/<name>. */
  name: string;
  title: string;
  /** One line for the catalogue. */
  summary: string;
  /** The standalone page at /labs/<name>. */
  page?(): Promise<{ default: Component }>;
  widget?: ToolWidget;
  python?: ToolPython;
}
