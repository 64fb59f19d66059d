/**
 * Every pack the app knows: the built-in ones and those a learner opened from a URL
 * (`/?pack=<url>`) or a file. Opened packs are kept in the browser so their lesson URLs keep
 * working after a reload. A broken pack is listed with its problems; the others still load.
 */
import { getContext, setContext } from 'svelte';
import type { WidgetDefinition, WidgetTable } from '../shared/tool';
import type { ChangedPack } from './builtin';
import type { PackLoad, PackSource } from './model';
import { describeStorageError, indexedDbStorage, type ProgressStorage } from './progress-storage';
import type { BuiltPack } from './schema';

type PackReading = typeof import('./pack-reading');

const EXTERNAL_KEY = 'packs:external';
const MAX_PACK_BYTES = 5 * 1024 * 1024;

interface StoredPack {
  bundle: BuiltPack;
  source: PackSource;
}

export function packId(load: PackLoad): string {
  return load.ok ? load.pack.manifest.id : load.id;
}

export class PackLibrary {
  packs = $state.raw<PackLoad[] | null>(null);
  #builtin: PackLoad[] = [];
  #external: StoredPack[] = [];
  #storage: ProgressStorage;
  /** The parsers, loaded by the first load (every other method awaits that load first). */
  #reading: PackReading | undefined;
  #loadWidgets: () => Promise<WidgetTable>;
  /** The widget kinds lessons may use (the tools'), loaded with the parsers. */
  #widgets: WidgetTable = new Map();

  /** `widgets` loads the widget table (the app's tools) with the parsers, never before. */
  constructor(
    widgets: () => Promise<WidgetTable>,
    storage: ProgressStorage = indexedDbStorage('wheelhouse-packs'),
  ) {
    this.#loadWidgets = widgets;
    this.#storage = storage;
  }

  #loaded: Promise<void> | undefined;

  /** Loads the built-in packs and the ones opened before (once). */
  load(): Promise<void> {
    this.#loaded ??= this.#load();
    return this.#loaded;
  }

  async #load(): Promise<void> {
    const [reading, widgets] = await Promise.all([import('./pack-reading'), this.#loadWidgets()]);
    const { loadBuiltinPacks, builtPackSchema } = (this.#reading = reading);
    this.#widgets = widgets;
    this.#builtin = await loadBuiltinPacks(widgets);
    try {
      const stored = (await this.#storage.get(EXTERNAL_KEY)) as StoredPack[] | undefined;
      this.#external = Array.isArray(stored)
        ? stored.filter((item) => builtPackSchema.safeParse(item?.bundle).success)
        : [];
    } catch {
      this.#external = []; // no storage: opened packs last until the page closes
    }
    this.#publish();
  }

  /** The widget kind a lesson's block names (known once the packs are loaded). */
  widget(name: string): WidgetDefinition | undefined {
    return this.#widgets.get(name);
  }

  find(id: string): PackLoad | undefined {
    return this.packs?.find((load) => packId(load) === id);
  }

  /** Opens a built pack from a URL; returns a sentence saying what happened. */
  async addFromUrl(url: string): Promise<{ ok: boolean; message: string }> {
    let text: string;
    try {
      const response = await fetch(url);
      if (!response.ok)
        return {
          ok: false,
          message: `Could not load ${url}: the server answered ${response.status}.`,
        };
      text = await response.text();
    } catch (error) {
      return {
        ok: false,
        message: `Could not load ${url}: ${error instanceof Error ? error.message : error} (is it reachable, and does it allow other sites to read it with CORS?).`,
      };
    }
    return this.#add(text, { kind: 'url', url });
  }

  async addFromFile(file: File): Promise<{ ok: boolean; message: string }> {
    if (file.size > MAX_PACK_BYTES) {
      return {
        ok: false,
        message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; a pack file may be at most 5 MB.`,
      };
    }
    return this.#add(await file.text(), { kind: 'file', name: file.name });
  }

  async remove(id: string): Promise<void> {
    await this.load();
    this.#external = this.#external.filter((item) => item.bundle.id !== id);
    await this.#persist();
    this.#publish();
  }

  /** Development: a built-in pack's files changed on disk. */
  replaceBuiltin(changed: ChangedPack): void {
    if (this.packs === null) return; // not loaded yet: the load will read the new files
    const load = this.#read().toPackLoad(
      changed.files,
      changed.folder,
      { kind: 'builtin' },
      this.#widgets,
    );
    this.#builtin = this.#builtin.map((item) => (packId(item) === packId(load) ? load : item));
    this.#publish();
  }

  async #add(text: string, source: PackSource): Promise<{ ok: boolean; message: string }> {
    await this.load(); // never let the first load overwrite a pack opened meanwhile
    const where =
      source.kind === 'url' ? source.url : source.kind === 'file' ? source.name : 'the pack';
    if (text.length > MAX_PACK_BYTES)
      return { ok: false, message: `${where} is larger than 5 MB.` };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return {
        ok: false,
        message: `${where} is not a built pack (not JSON). Build one with: npm run pack -- build <dir> -o pack.json`,
      };
    }
    const bundle = this.#read().builtPackSchema.safeParse(data);
    if (!bundle.success) {
      const issue = bundle.error.issues[0];
      return {
        ok: false,
        message: `${where} is not a built pack (${issue?.path.join('.') || 'format'}: ${issue?.message}).`,
      };
    }
    const { id } = bundle.data;
    if (this.#builtin.some((load) => packId(load) === id)) {
      return {
        ok: false,
        message: `A built-in pack is already called "${id}"; give this one another id.`,
      };
    }
    this.#external = [
      ...this.#external.filter((item) => item.bundle.id !== id),
      { bundle: bundle.data, source },
    ];
    const saved = await this.#persist();
    this.#publish();
    const load = this.find(id)!;
    const opened = load.ok
      ? `Opened "${load.pack.manifest.title}" (${load.pack.lessons.length} lessons).`
      : `Opened "${id}", but it has ${load.issues.length} problem(s), listed below.`;
    return {
      ok: load.ok,
      message: saved
        ? opened
        : `${opened} It will be gone after a reload: ${this.#storageProblem}.`,
    };
  }

  #storageProblem = '';

  async #persist(): Promise<boolean> {
    try {
      await this.#storage.set(EXTERNAL_KEY, $state.snapshot(this.#external));
      return true;
    } catch (error) {
      this.#storageProblem = describeStorageError(error);
      return false;
    }
  }

  #read(): PackReading {
    if (!this.#reading) throw new Error('The pack library is used before its load()');
    return this.#reading;
  }

  #publish(): void {
    const { toPackLoad } = this.#read();
    const external = this.#external.map((item) =>
      toPackLoad(item.bundle.files, item.bundle.id, item.source, this.#widgets),
    );
    this.packs = [...this.#builtin, ...external];
  }
}

const contextKey = Symbol('wheelhouse-library');

export function provideLibrary(library: PackLibrary): void {
  setContext(contextKey, library);
}

/** The app's library, loading (once) when a page first needs it: the playground never does. */
export function useLibrary(): PackLibrary {
  const library = getContext<PackLibrary | undefined>(contextKey);
  if (!library) throw new Error('No pack library: the app provides one with provideLibrary');
  void library.load();
  return library;
}
