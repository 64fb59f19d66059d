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

export const labs: readonly LabEntry[] = [
  {
    name: 'docker-cache',
    title: 'Docker layer-cache lab',
    summary: 'build, change a file, rebuild: see which layers the cache keeps and why',
    page: () => import('../tools/docker-cache/lab/DockerCacheLabPage.svelte'),
  },
  {
    name: 'resolver',
    title: 'Resolver lab',
    summary:
      'step through PubGrub on a package index, read why it fails, race naive backtracking, lock it',
    page: () => import('../tools/resolver/lab/ResolverLabPage.svelte'),
  },
];

export function findLab(name: string): LabEntry | undefined {
  return labs.find((lab) => lab.name === name);
}
