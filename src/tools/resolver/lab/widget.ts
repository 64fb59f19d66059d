/**
 * The `resolver-lab` lesson widget (part of the tool's definition, tool.ts). Checking a
 * body needs only the text parser and compiler, so lessons parse without loading the solver.
 */
import type { Component } from 'svelte';
import type { WidgetDefinition, WidgetProps } from '../../../shared/tool';
import { checkLabBody, resolverLabAttributesSchema } from './widget-body';

export const resolverLabWidget: WidgetDefinition = {
  name: 'resolver-lab',
  summary: 'the resolver lab: an index to resolve with PubGrub, step through, compare and lock',
  attributes: resolverLabAttributesSchema,
  checkBody: (body, attributes) =>
    checkLabBody(body, resolverLabAttributesSchema.parse(attributes)),
  component: () =>
    import('./ResolverLabWidget.svelte') as Promise<{ default: Component<WidgetProps> }>,
};
