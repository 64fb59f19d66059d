/**
 * The offline service worker (src/offline/sw.ts), built and given its precache manifest by
 * vite-plugin-pwa. `WHEELHOUSE_COI_SERVICEWORKER=1` makes it also add the cross-origin
 * isolation headers, for static hosts that cannot send them.
 */
import { VitePWA } from 'vite-plugin-pwa';

export const COI_ENV = 'WHEELHOUSE_COI_SERVICEWORKER';

export function offline() {
  // Read by the page (register.svelte.ts) and the worker (sw.ts) as import.meta.env.
  process.env.VITE_ISOLATE_VIA_SW = process.env[COI_ENV] === '1' ? 'true' : 'false';
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    injectRegister: false,
    registerType: 'prompt',
    manifest: {
      name: 'Wheelhouse',
      short_name: 'Wheelhouse',
      description: 'Learn production Python hands-on: real CPython in your browser.',
      theme_color: '#2457c5',
      background_color: '#ffffff',
      display: 'standalone',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
    },
    injectManifest: {
      globPatterns: ['**/*.{html,js,mjs,css,svg,ttf,woff2,wasm,zip,json}'],
      globIgnores: [
        'embed/**',
        'embed-demo.html',
        '__bench__/**',
        '**/*.map',
        'manifest.webmanifest',
      ],
      // The runtime's wasm is 8.6 MB; it is the point of caching.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    },
    devOptions: { enabled: false },
  });
}
