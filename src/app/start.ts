/** The app itself, loaded by main.ts once Python has been set going. */
import { mount } from 'svelte';
import App from './App.svelte';
import './global.css';
import { holdEditorsUntil } from '../editor/monaco';
import { RuntimeClient } from '../runtime';

// Python is already starting (main.ts); the client adopts that worker. A Run pressed early
// just waits.
const runtime = new RuntimeClient();
const started = runtime.start();
started.catch(() => {
  // The status line shows why; Restart retries.
});
holdEditorsUntil(started);

mount(App, { target: document.getElementById('app')!, props: { runtime } });
