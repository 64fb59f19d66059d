/** The Docker cache simulator as Wheelhouse offers it: its lab page, widget and Python checks. */
import type { ToolDefinition } from '../../shared/tool';

export const dockerCacheTool: ToolDefinition = {
  name: 'docker-cache',
  title: 'Docker layer-cache lab',
  summary: 'build, change a file, rebuild: see which layers the cache keeps and why',
  page: () => import('./lab/DockerCacheLabPage.svelte'),
  widget: {
    name: 'docker-lab',
    load: () => import('./lab/widget').then((module) => module.dockerLabWidget),
  },
  python: {
    modules: ['wheelhouse_docker'],
    functions: () => import('./python-functions').then((module) => module.dockerCacheFunctions),
  },
};
