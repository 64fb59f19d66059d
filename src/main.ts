/**
 * The page's entry, kept tiny: it sets Python starting (src/runtime/page/prestart.ts) before the
 * app's own code has even downloaded, then loads the app, which adopts that start.
 */
import { prestartPython } from './runtime/page/prestart';

const site = prestartPython();
const { startApp } = await import('./app/start');
startApp(site);
