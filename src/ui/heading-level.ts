/**
 * Heading levels that follow where a component is placed. The same exercise or lab sits right
 * under a lesson's h1 or inside one of its h2 sections, and the resolver's panels sit under a
 * lab page's h1 or a lesson widget's h3: each reads its level here rather than hard-coding
 * one, so the outline a screen reader lists never skips a level.
 */
import { getContext, setContext } from 'svelte';

const contextKey = Symbol('wheelhouse-heading-level');
/** Where nothing says otherwise: a section of a page, under the page's h1. */
const SECTION_LEVEL = 2;

/** The headings of this component's children start at `level`. */
export function provideHeadingLevel(level: number): void {
  setContext(contextKey, clampLevel(level));
}

/** The level for this component's headings; `offset` levels deeper for its sub-headings. */
export function headingLevel(offset = 0): number {
  return clampLevel((getContext<number | undefined>(contextKey) ?? SECTION_LEVEL) + offset);
}

/** The element name, for `<svelte:element this={headingTag(level)}>`. */
export function headingTag(level: number): string {
  return `h${clampLevel(level)}`;
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.round(level)));
}
