/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** JSON object of the Pyodide core files' byte sizes, injected at build time. */
  readonly VITE_PYODIDE_SIZES: string;
}
