/**
 * The Content-Security-Policy for the built site: only our own scripts, WebAssembly compiled by
 * Pyodide and Ruff ('wasm-unsafe-eval', not 'unsafe-eval'), workers from our origin (and blob:
 * ones from the embed), and no plugins, frames or foreign forms. Fetching data is allowed from
 * any https origin: packages come from the official Pyodide location and lesson packs open
 * from any URL (/?pack=), and both are data, never script. Inline styles are allowed because
 * Monaco positions its widgets with them.
 * `npm run preview` sends it; public/_headers carries the same policy for static hosts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' https:",
  "img-src 'self' data: https:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
