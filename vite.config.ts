import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { embedBuild } from './scripts/vite/embed-build.ts';
import { lessonHotReload } from './scripts/vite/lesson-hot-reload.ts';
import { offline } from './scripts/vite/offline.ts';
import { pyodideAssets } from './scripts/vite/pyodide-assets.ts';
import { CONTENT_SECURITY_POLICY } from './scripts/vite/security-headers.ts';
import { workerWithoutUi } from './scripts/vite/worker-without-ui.ts';

/**
 * Cross-origin isolation (COOP + COEP) gives Python a SharedArrayBuffer: Stop keeps variables and
 * input() works. `WHEELHOUSE_ISOLATION=off` serves without it, as many static hosts do.
 */
const isolated = process.env.WHEELHOUSE_ISOLATION !== 'off';
const headers: Record<string, string> = isolated
  ? {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    }
  : {};

/**
 * The app shell every page needs (Svelte, the runtime client, the header, cells and editors
 * without Monaco) goes in one chunk rather than a dozen small shared ones: each request costs
 * a round trip and the browser's and server's time while Python starts. Pages, the labs, the
 * lesson parser, Zod (the schemas that check what is read back) and Monaco stay in chunks of
 * their own, loaded when needed; the entry and its prestart stay tiny, so Python starts before
 * the shell has even downloaded.
 */
function inShell(id: string): boolean {
  if (/\/node_modules\/(svelte|esm-env|comlink|workbox-window)\//.test(id)) return true;
  // The playground is small and where shared links land; the other pages load when visited.
  if (id.endsWith('/src/app/pages/Playground.svelte')) return true;
  const notShell = [
    '/src/app/pages/',
    // The tools' definitions bring their widgets' schemas (zod, YAML): pages that show packs or
    // labs load them, the playground never does.
    '/src/app/tools.ts',
    // The entry's prestart and what it imports (the page's early script).
    '/src/runtime/page/prestart.ts',
    '/src/runtime/protocol.ts',
    '/src/runtime/shared/pyodide-version.ts',
    '/src/runtime/shared/served-files.ts',
    '/src/runtime/page/snapshot-hint.ts',
    '/src/runtime/worker/warm-start-help.ts',
    '/src/lessons/progress-model.ts',
    '/src/editor/monaco-setup.ts',
    '/src/editor/toml-language.ts',
  ];
  return (
    /\/src\/(app|runtime|ui|editor|lessons\/progress)/.test(id) &&
    !notShell.some((path) => id.includes(path))
  );
}

export default defineConfig({
  plugins: [svelte(), pyodideAssets(), lessonHotReload(), embedBuild(), offline()],
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es', plugins: () => [workerWithoutUi()] },
  server: { headers },
  // The built site also gets its Content-Security-Policy (dev needs inline scripts for HMR).
  preview: {
    headers: { ...headers, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The entry's one shared helper stays out of the shell (the entry must not wait for it).
            { name: 'preload-helper', test: /vite\/preload-helper/, priority: 2 },
            { name: 'shell', test: inShell, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
