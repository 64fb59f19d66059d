/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** JSON object of the Pyodide core files' byte sizes, injected at build time. */
  readonly VITE_PYODIDE_SIZES: string;
  /** JSON ServedNames: what this build calls its standard library and lock file (served-files.ts). */
  readonly VITE_PYODIDE_NAMES: string;
  /** 'true' when the service worker adds the cross-origin isolation headers itself. */
  readonly VITE_ISOLATE_VIA_SW: string;
}
