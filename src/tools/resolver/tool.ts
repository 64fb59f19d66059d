/** The resolver as Wheelhouse offers it: its lab page, its lesson widget, its Python checks. */
import type { ToolDefinition } from '../../shared/tool';
import { resolverLabWidget } from './lab/widget';

export const resolverTool: ToolDefinition = {
  name: 'resolver',
  title: 'Resolver lab',
  summary:
    'step through PubGrub on a package index, read why it fails, race naive backtracking, lock it',
  page: () => import('./lab/ResolverLabPage.svelte'),
  widget: resolverLabWidget,
};
