import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/global.css';
import { RuntimeClient } from './runtime';

// Python starts downloading before the first component renders: a Run pressed early just waits.
const runtime = new RuntimeClient();
void runtime.start().catch(() => {
  // The status line shows why; Restart retries.
});

mount(App, { target: document.getElementById('app')!, props: { runtime } });
