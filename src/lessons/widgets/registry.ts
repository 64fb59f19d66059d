/**
 * Widget kinds beyond the core ones (cells, examples, exercises, projects). A lab registers
 * here, once: the fence language that selects it, the attributes it accepts, how its body is
 * checked, and the component that shows it (loaded only when a lesson uses it). Registering
 * is one entry in `widgetDefinitions` below.
 *
 *   ```resolver-lab preset=diamond
 *   root -> a, b
 *   ```
 */
import type { Component } from 'svelte';
import type { z } from 'zod';
import type { WidgetBlock } from '../model';
import { dockerLabWidget } from '../../tools/docker-cache/lab/widget';
import { resolverLabWidget } from '../../tools/resolver/lab/widget';

export interface WidgetProps {
  block: WidgetBlock;
  /** Where this lesson's learner state lives (progress keys are derived from it). */
  lessonKey: string;
}

export interface WidgetDefinition {
  /** The fence language that selects this widget, e.g. `resolver-lab`. */
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
 * Every registered widget kind. Adding a kind is one entry here (plus its own module).
 */
export const widgetDefinitions: readonly WidgetDefinition[] = [dockerLabWidget, resolverLabWidget];

export function findWidget(name: string): WidgetDefinition | undefined {
  return widgetDefinitions.find((definition) => definition.name === name);
}
