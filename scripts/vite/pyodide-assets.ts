/**
 * Vite plugin that serves (dev, preview) and copies (build) Pyodide's runtime files under
 * `/pyodide/v<version>/`, with a lock file whose package entries point either at the offline
 * package folder (`WHEELHOUSE_PYODIDE_PACKAGES`) or at the official package location, and a
 * standard library zip with bytecode (src/runtime/stdlib-bytecode.ts).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import {
  OFFICIAL_PACKAGE_BASE,
  PYODIDE_CORE_FILES,
  PYODIDE_PATH,
  PYODIDE_VERSION,
} from '../../src/runtime/pyodide-version.ts';
import { readPythonSources } from '../../src/runtime/python-sources.ts';
import { bytecodeStdlib } from '../../src/runtime/stdlib-bytecode.ts';
import { packageFolderFromEnv, rewriteLockFile } from './package-source.ts';

const MIME: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
};

export function pyodideDir(): string {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('pyodide/package.json'));
  const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  if (version !== PYODIDE_VERSION) {
    throw new Error(
      `node_modules/pyodide is ${version}, but Wheelhouse is pinned to ${PYODIDE_VERSION}: run npm ci`,
    );
  }
  return dir;
}

interface Sources {
  coreDir: string;
  /** The standard library zip served in place of Pyodide's. */
  stdlib: string;
  packagesDir: string | undefined;
  lockJson: string;
}

/**
 * What the runtime folder serves. Builds (and the preview of one) add Wheelhouse's own Python
 * modules to the standard library's bytecode; the dev server leaves them out, since they
 * change while it runs (the worker then installs them from source).
 */
async function loadSources(withOwnModules: boolean, log: (message: string) => void) {
  const coreDir = pyodideDir();
  const packagesDir = packageFolderFromEnv();
  const lock = JSON.parse(readFileSync(path.join(coreDir, 'pyodide-lock.json'), 'utf8'));
  const lockJson = JSON.stringify(rewriteLockFile(lock, packagesDir, OFFICIAL_PACKAGE_BASE));
  const stdlib = await bytecodeStdlib({
    coreDir,
    ...(withOwnModules && { modules: { ...readPythonSources() } }),
    log,
  });
  return { coreDir, stdlib, packagesDir, lockJson } satisfies Sources;
}

/** The file on disk that serves `name` (a file directly under the runtime folder), if any. */
function resolveFile(sources: Sources, name: string): string | undefined {
  if (name === 'python_stdlib.zip') return sources.stdlib;
  if ((PYODIDE_CORE_FILES as readonly string[]).includes(name)) {
    return path.join(sources.coreDir, name);
  }
  if (sources.packagesDir && name.endsWith('.whl') && !name.includes('/')) {
    const file = path.join(sources.packagesDir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

function serve(sources: Sources, base: string) {
  const prefix = `${base}${PYODIDE_PATH}`;
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = req.url?.split('?')[0] ?? '';
    if (!url.startsWith(prefix)) return next();
    const name = decodeURIComponent(url.slice(prefix.length));
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (name === 'pyodide-lock.json') {
      res.setHeader('Content-Type', MIME['.json']!);
      res.end(sources.lockJson);
      return;
    }
    const file = resolveFile(sources, name);
    if (!file) {
      res.statusCode = 404;
      res.end(`Not found: ${name}`);
      return;
    }
    res.setHeader('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    createReadStream(file).pipe(res);
  };
}

/** Sizes of the core files, so the loading screen can show real progress without Content-Length. */
function coreFileSizes(sources: Sources): Record<string, number> {
  return Object.fromEntries(
    PYODIDE_CORE_FILES.map((name) => [name, statSync(resolveFile(sources, name)!).size]),
  );
}

export function pyodideAssets(): Plugin {
  let sources: Sources;
  let base = '/';
  let outDir = 'dist';
  return {
    name: 'wheelhouse:pyodide-assets',
    async config(_config, { command, isPreview }) {
      sources = await loadSources(command === 'build' || isPreview === true, (message) =>
        console.log(message),
      );
      return {
        define: {
          'import.meta.env.VITE_PYODIDE_SIZES': JSON.stringify(
            JSON.stringify(coreFileSizes(sources)),
          ),
        },
      };
    },
    configResolved(config) {
      base = config.base;
      outDir = path.resolve(config.root, config.build.outDir);
      const where = sources.packagesDir
        ? `the offline folder ${sources.packagesDir}`
        : `the official location ${OFFICIAL_PACKAGE_BASE}`;
      config.logger.info(`Pyodide ${PYODIDE_VERSION}: packages from ${where}`);
    },
    configureServer(server) {
      server.middlewares.use(serve(sources, base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve(sources, base));
    },
    async writeBundle() {
      const target = path.join(outDir, PYODIDE_PATH);
      await mkdir(target, { recursive: true });
      for (const name of PYODIDE_CORE_FILES) {
        await copyFile(resolveFile(sources, name)!, path.join(target, name));
      }
      await writeFile(path.join(target, 'pyodide-lock.json'), sources.lockJson);
      if (sources.packagesDir) {
        const lock = JSON.parse(sources.lockJson) as {
          packages: Record<string, { file_name: string }>;
        };
        for (const { file_name } of Object.values(lock.packages)) {
          const file = resolveFile(sources, file_name);
          if (file) await copyFile(file, path.join(target, file_name));
        }
      }
    },
  };
}
