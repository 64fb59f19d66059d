/**
 * Standalone lab pages at `/labs/<name>`. A lab registers here with a title, a one-line pitch
 * for the catalogue, and its page component, loaded only when the page is opened.
 */
import type { Component } from 'svelte';

export interface LabEntry {
  name: string;
  title: string;
  summary: string;
  page(): Promise<{ default: Component }>;
}

export const labs: readonly LabEntry[] = [];

export function findLab(name: string): LabEntry | undefined {
  return labs.find((lab) => lab.name === name);
}
