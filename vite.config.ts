import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { embedBuild } from './scripts/vite/embed-build.ts';
import { lessonHotReload } from './scripts/vite/lesson-hot-reload.ts';
import { offline } from './scripts/vite/offline.ts';
import { pyodideAssets } from './scripts/vite/pyodide-assets.ts';
import { CONTENT_SECURITY_POLICY } from './scripts/vite/security-headers.ts';

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

export default defineConfig({
  plugins: [svelte(), pyodideAssets(), lessonHotReload(), embedBuild(), offline()],
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  server: { headers },
  // The built site also gets its Content-Security-Policy (dev needs inline scripts for HMR).
  preview: {
    headers: { ...headers, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
  },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4096 },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
