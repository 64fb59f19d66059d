/** The resolver as Wheelhouse offers it: its lab page, its lesson widget, its Python checks. */
import type { ToolDefinition } from '../../shared/tool';

export const resolverTool: ToolDefinition = {
  name: 'resolver',
  title: 'Resolver lab',
  summary:
    'step through PubGrub on a package index, read why it fails, race naive backtracking, lock it',
  page: () => import('./lab/ResolverLabPage.svelte'),
  widget: {
    name: 'resolver-lab',
    load: () => import('./lab/widget').then((module) => module.resolverLabWidget),
  },
  python: {
    modules: ['wheelhouse_resolver'],
    functions: () => import('./python-functions').then((module) => module.resolverFunctions),
  },
};
