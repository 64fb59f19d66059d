/**
 * Vite plugin that serves (dev, preview) and copies (build) Pyodide's runtime files under
 * `/pyodide/v<version>/`, with a lock file whose package entries point either at the offline
 * package folder (`WHEELHOUSE_PYODIDE_PACKAGES`) or at the official package location, and a
 * standard library zip with bytecode (src/runtime/build/stdlib-bytecode.ts). Those two are the
 * site's own and are served under names made from their content (src/runtime/shared/served-files.ts),
 * so that everything under the folder can be cached as immutable.
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
  PYODIDE_NAMES,
  PYODIDE_PATH,
  PYODIDE_VERSION,
  type ServedNames,
} from '../../src/runtime/shared/pyodide-version.ts';
import {
  readPythonSources,
  readToolPythonSources,
} from '../../src/runtime/build/python-sources.ts';
import { bytecodeStdlib } from '../../src/runtime/build/stdlib-bytecode.ts';
import { contentName } from './content-names.ts';
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
  /** What the standard library and the lock file are served as. */
  names: ServedNames;
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
    ...(withOwnModules && { modules: { ...readPythonSources(), ...readToolPythonSources() } }),
    log,
  });
  const names: ServedNames = {
    stdlib: contentName(PYODIDE_NAMES.stdlib, readFileSync(stdlib)),
    lockFile: contentName(PYODIDE_NAMES.lockFile, lockJson),
  };
  return { coreDir, stdlib, packagesDir, lockJson, names } satisfies Sources;
}

/** The core files as the runtime folder serves them: each name with its file on disk. */
function coreFiles(sources: Sources): Array<[name: string, file: string]> {
  return PYODIDE_CORE_FILES.map((name) =>
    name === PYODIDE_NAMES.stdlib
      ? [sources.names.stdlib, sources.stdlib]
      : [name, path.join(sources.coreDir, name)],
  );
}

/** The file on disk that serves `name` (a file directly under the runtime folder), if any. */
function resolveFile(sources: Sources, name: string): string | undefined {
  const core = coreFiles(sources).find(([served]) => served === name);
  if (core) return core[1];
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
    if (name === sources.names.lockFile) {
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
  return Object.fromEntries(coreFiles(sources).map(([name, file]) => [name, statSync(file).size]));
}

/** What the plugin tells the code it builds (see src/env.d.ts); the embed's build copies them. */
export const SIZES_ENV = 'import.meta.env.VITE_PYODIDE_SIZES';
export const NAMES_ENV = 'import.meta.env.VITE_PYODIDE_NAMES';

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
          [SIZES_ENV]: JSON.stringify(JSON.stringify(coreFileSizes(sources))),
          [NAMES_ENV]: JSON.stringify(JSON.stringify(sources.names)),
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
      for (const [name, file] of coreFiles(sources)) {
        await copyFile(file, path.join(target, name));
      }
      await writeFile(path.join(target, sources.names.lockFile), sources.lockJson);
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
