/** The Docker cache simulator as Wheelhouse offers it: its lab page, widget and Python checks. */
import type { ToolDefinition } from '../../shared/tool';
import { dockerLabWidget } from './lab/widget';

export const dockerCacheTool: ToolDefinition = {
  name: 'docker-cache',
  title: 'Docker layer-cache lab',
  summary: 'build, change a file, rebuild: see which layers the cache keeps and why',
  page: () => import('./lab/DockerCacheLabPage.svelte'),
  widget: dockerLabWidget,
};
