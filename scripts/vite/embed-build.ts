/**
 * `vite build` also builds the embeddable cells (src/embed) into `<outDir>/embed/`: a second
 * build, started once the app's build is written, so `npm run build`, `npm start` and the e2e
 * suite all get both. The embed's chunks are addressed relative to its script (base `./`), so
 * the bundle works from any origin, and every worker in it starts through
 * `src/embed/module-worker.ts`, which copes with a script on another origin than the page.
 * Pyodide is not copied again: the embed finds the app's copy at `<outDir>/pyodide/...`.
 * In `npm run dev`, `/embed/wheelhouse-embed.js` serves the entry, so the demo page works there too.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
import { build, type InlineConfig, type Plugin, type ResolvedConfig } from 'vite';
import { NAMES_ENV, SIZES_ENV } from './pyodide-assets.ts';
import { workerWithoutUi } from './worker-without-ui.ts';

const ENTRY = 'src/embed/index.ts';
const WORKER_STARTER = 'src/embed/module-worker.ts';
export const EMBED_SCRIPT = 'embed/wheelhouse-embed.js';

export function embedBuild(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'wheelhouse:embed-build',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.split('?')[0] === `${config.base}${EMBED_SCRIPT}`) {
          req.url = `${config.base}${ENTRY}`;
        }
        next();
      });
    },
    async closeBundle() {
      if (config.command !== 'build' || config.build.ssr) return;
      // The embed uses the app's copy of Pyodide, whose sizes and names the app's build knows.
      const define = Object.fromEntries(
        [SIZES_ENV, NAMES_ENV].map((key) => [key, String(config.define?.[key] ?? '""')]),
      );
      await build(embedConfig(config.root, path.resolve(config.root, config.build.outDir), define));
    },
  };
}

export function embedConfig(
  root: string,
  outDir: string,
  define: Record<string, string>,
): InlineConfig {
  return {
    configFile: false,
    root,
    base: './',
    publicDir: false,
    plugins: [crossOriginWorkers(path.resolve(root, WORKER_STARTER)), svelte()],
    define,
    optimizeDeps: { exclude: ['pyodide'] },
    worker: { format: 'es', plugins: () => [workerWithoutUi()] },
    build: {
      outDir: path.join(outDir, path.dirname(EMBED_SCRIPT)),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      chunkSizeWarningLimit: 4096,
      // No polyfill in the entry: browsers that run Pyodide all support modulepreload.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: path.resolve(root, ENTRY),
        preserveEntrySignatures: 'strict',
        output: {
          entryFileNames: path.basename(EMBED_SCRIPT),
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
}

const WORKER_URL_PATTERN =
  /new\s+Worker\(\s*new\s+URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;
const VIRTUAL_WORKER = '\0wheelhouse-worker:';

/**
 * Routes the embed's workers through `startModuleWorker`: both Vite's forms, the
 * `new Worker(new URL('./x.ts', import.meta.url), options)` pattern (the Python worker, Ruff)
 * and `import X from './x?worker'` (Monaco's editor worker), which would otherwise construct
 * the worker from the script's own, possibly cross-origin, URL.
 */
export function crossOriginWorkers(starter: string): Plugin {
  const importStarter = `import { startModuleWorker as __wheelhouseStartWorker } from ${JSON.stringify(starter)};`;
  return {
    name: 'wheelhouse:embed-workers',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('?worker')) return null;
      const resolved = await this.resolve(source.slice(0, -'?worker'.length), importer, {
        skipSelf: true,
      });
      return resolved && `${VIRTUAL_WORKER}${resolved.id}`;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_WORKER)) return null;
      const script = `${id.slice(VIRTUAL_WORKER.length)}?worker&url`;
      return [
        importStarter,
        `import url from ${JSON.stringify(script)};`,
        'export default function WorkerWrapper(options) {',
        "  return __wheelhouseStartWorker(url, { type: 'module', name: options?.name });",
        '}',
      ].join('\n');
    },
    transform(code, id) {
      if (!/\.[cm]?[jt]s$/.test(id.split('?')[0]!) || !code.includes('new Worker(')) return null;
      const imports: string[] = [];
      const rewritten = code.replace(WORKER_URL_PATTERN, (_match, _quote, specifier: string) => {
        const name = `__wheelhouseWorkerUrl${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${specifier}?worker&url`)};`);
        return `__wheelhouseStartWorker(${name}`;
      });
      if (!imports.length) return null;
      // Prepended on the first line, so every other line keeps its number for the source map.
      return { code: `${importStarter}${imports.join('')}${rewritten}`, map: null };
    },
  };
}
