/**
 * The `docker-lab` lesson widget (part of the tool's definition, tool.ts). Checking a
 * body needs only the schema (no simulator), so lessons parse without loading the lab.
 */
import type { WidgetDefinition, WidgetProps } from '../../../shared/tool';
import type { Component } from 'svelte';
import { labAttributesSchema, parseLabBody } from './widget-body';

export const dockerLabWidget: WidgetDefinition = {
  name: 'docker-lab',
  summary: 'the Docker layer-cache lab: a Dockerfile and its context to build, change and rebuild',
  attributes: labAttributesSchema,
  checkBody(body, attributes) {
    const parsed = parseLabBody(body, attributes);
    return parsed.ok ? [] : parsed.problems.map(({ line, message }) => ({ line, message }));
  },
  component: () =>
    import('./DockerLabWidget.svelte') as Promise<{ default: Component<WidgetProps> }>,
};
