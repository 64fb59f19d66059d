import { getContext, setContext } from 'svelte';
import type { RuntimeClient } from './client.svelte';

const key = Symbol('wheelhouse-runtime');

export function provideRuntime(runtime: RuntimeClient): void {
  setContext(key, runtime);
}

export function useRuntime(): RuntimeClient {
  const runtime = getContext<RuntimeClient | undefined>(key);
  if (!runtime)
    throw new Error('No Python runtime: wrap the page in a component that calls provideRuntime');
  return runtime;
}
