/** The app itself, loaded by main.ts once Python has been set going. */
import { mount } from 'svelte';
import App from './App.svelte';
import './global.css';
import { holdEditorsUntil } from '../editor/monaco';
import { RuntimeClient } from '../runtime';
import type { SiteRuntime } from '../runtime/page/prestart';

/**
 * Mounts the app. Python is already starting (main.ts): the client adopts that worker, and a Run
 * pressed early just waits.
 */
export function startApp(site: SiteRuntime): void {
  const runtime = new RuntimeClient(site);
  runtime.start().catch(() => {
    // The status line shows why; Restart retries.
  });
  // Monaco's 3 MB would compete with the runtime's start and with a first run's output.
  holdEditorsUntil(runtime.settled);
  mount(App, { target: document.getElementById('app')!, props: { runtime } });
}
