/// <reference lib="webworker" />
/**
 * Wheelhouse's service worker (built by vite-plugin-pwa from this file): the app shell, Monaco
 * and the Python runtime are precached with their versions, so repeat visits start from disk
 * and the site works offline; package wheels are cached the first time a lesson loads them.
 * A new version waits until the learner reloads (see register.ts), so versions never mix.
 * Built with WHEELHOUSE_COI_SERVICEWORKER=1, it also adds the cross-origin isolation headers
 * for hosts that cannot send them, as coi-serviceworker does.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// Worker scripts need the headers too, so every precached response gets them (when enabled).
addPlugins([
  {
    cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) =>
      cachedResponse && isolated(cachedResponse),
  },
]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first version controls the page at once; later ones only after the learner agrees.
clientsClaim();

function isolated(response: Response): Response {
  if (import.meta.env.VITE_ISOLATE_VIA_SW !== 'true' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

// Every app route (/, /lessons/..., /playground, /labs/...) is the single-page app.
const appShell = createHandlerBoundToURL('index.html');
registerRoute(
  new NavigationRoute(async (options) => isolated(await appShell(options)), {
    denylist: [/^\/__bench__\//, /^\/embed\//, /\.html$/],
  }),
);

// Wheels are immutable for a given Pyodide version, wherever they come from.
registerRoute(
  ({ url }) => url.pathname.endsWith('.whl') && url.pathname.includes('/v0.28.0/'),
  new CacheFirst({
    cacheName: 'wheelhouse-packages',
    plugins: [new ExpirationPlugin({ maxEntries: 80 })],
  }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
