/**
 * Starts a module worker whose script may live on another origin than the page: the embed
 * bundle served from a CDN. Browsers refuse `new Worker(crossOriginUrl)`, so a same-origin
 * blob module imports the real script instead (which must then be served with CORS). Relative
 * imports inside the worker still resolve against the real script's URL.
 */
export function startModuleWorker(
  script: string | URL,
  options: WorkerOptions = { type: 'module' },
): Worker {
  const url = new URL(script, location.href);
  if (url.origin === location.origin) return new Worker(url, options);
  const bootstrap = URL.createObjectURL(
    new Blob([workerBootstrap(url.href)], { type: 'text/javascript' }),
  );
  const worker = new Worker(bootstrap, options);
  // Once the worker has spoken (or failed) its bootstrap has been fetched and can go.
  const revoke = () => URL.revokeObjectURL(bootstrap);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}

/** The blob module's whole source: one import of the real worker script. */
export function workerBootstrap(href: string): string {
  return `import ${JSON.stringify(href)};\n`;
}
