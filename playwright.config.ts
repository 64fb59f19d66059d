import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/browser';
import { EMBED_PAGES_PORT, ISOLATED_PORT, PLAIN_PORT } from './e2e/fixtures/embed/ports';

/**
 * Two projects against the built app served by `vite preview`: one cross-origin isolated
 * (Stop keeps variables, input() works) and one without isolation, as on many static hosts.
 */
/** Which build to serve (several builds can then be tested side by side). */
const OUT_DIR = process.env.WHEELHOUSE_E2E_OUT_DIR ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['./e2e/browser-reporter.ts'], ['list'], ['./e2e/skip-reporter.ts']],
  use: {
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    permissions: ['clipboard-read', 'clipboard-write'],
    // The offline service worker precaches ~28 MB; only offline.spec.ts lets it install.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'isolated', use: { baseURL: `http://localhost:${ISOLATED_PORT}` } },
    { name: 'not-isolated', use: { baseURL: `http://localhost:${PLAIN_PORT}` } },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${ISOLATED_PORT} --strictPort --outDir ${OUT_DIR}`,
      url: `http://localhost:${ISOLATED_PORT}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `npx vite preview --port ${PLAIN_PORT} --strictPort --outDir ${OUT_DIR}`,
      url: `http://localhost:${PLAIN_PORT}/`,
      env: { WHEELHOUSE_ISOLATION: 'off' },
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // Plain static pages with embedded cells, and the built bundle as a CDN serves it.
      command: 'npx tsx e2e/fixtures/embed/static-server.ts',
      url: `http://localhost:${EMBED_PAGES_PORT}/plain/embed-demo.html`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
