/**
 * Every tool Wheelhouse offers, in the order the catalogue lists their pages. Adding a tool is
 * its folder (which exports one definition, src/shared/tool.ts) and one line here: the routes
 * (/labs/<name>), the lesson format's widget table, the Python worker's bridge for exercise
 * checks and `wheelhouse_tools` all read this list.
 */
import type { ToolDefinition, WidgetTable } from '../shared/tool';
import { dockerCacheTool } from '../tools/docker-cache/tool';
import { resolverTool } from '../tools/resolver/tool';

export const tools: readonly ToolDefinition[] = [dockerCacheTool, resolverTool];

/** The tools with a page of their own, at /labs/<name>. */
export function findToolPage(name: string): ToolDefinition | undefined {
  return tools.find((tool) => tool.name === name && tool.page);
}

/** The lesson format's widget kinds, by fence language (each loads its schemas). */
export async function loadWidgets(): Promise<WidgetTable> {
  const widgets = await Promise.all(tools.flatMap((tool) => tool.widget?.load() ?? []));
  return new Map(widgets.map((widget) => [widget.name, widget]));
}
