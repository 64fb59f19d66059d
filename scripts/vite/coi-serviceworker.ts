/**
 * For static hosts that cannot send COOP/COEP headers (GitHub Pages, ...): with
 * `WHEELHOUSE_COI_SERVICEWORKER=1`, the build ships coi-serviceworker, which re-serves the
 * site with those headers from a service worker after the first load.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export const COI_ENV = 'WHEELHOUSE_COI_SERVICEWORKER';

export function coiServiceWorker(enabled = process.env[COI_ENV] === '1'): Plugin {
  let base = '/';
  return {
    name: 'wheelhouse:coi-serviceworker',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle() {
      if (!enabled) return;
      const require = createRequire(import.meta.url);
      this.emitFile({
        type: 'asset',
        fileName: 'coi-serviceworker.js',
        source: readFileSync(require.resolve('coi-serviceworker/coi-serviceworker.min.js'), 'utf8'),
      });
    },
    transformIndexHtml() {
      if (!enabled) return [];
      return [
        { tag: 'script', attrs: { src: `${base}coi-serviceworker.js` }, injectTo: 'head-prepend' },
      ];
    },
  };
}
