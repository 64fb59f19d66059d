/**
 * Shows markers on one editor and offers their fixes as quick fixes. Markers arrive in feeds
 * (the editor's `markers` prop, Ruff, ...), each with the model version it was computed for:
 * a fix is offered only while the text is still that version, so a stale edit never applies.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import {
  markerKey,
  markersBySource,
  toMonacoMarkers,
  type EditorMarker,
  type MarkerFix,
} from './markers';

interface Feed {
  owners: Set<string>;
  version: number;
  fixes: Map<string, MarkerFix>;
}

export class MarkerLayer {
  #monaco: typeof Monaco;
  #model: Monaco.editor.ITextModel;
  #feeds = new Map<string, Feed>();
  #provider: Monaco.IDisposable;

  constructor(monaco: typeof Monaco, model: Monaco.editor.ITextModel) {
    this.#monaco = monaco;
    this.#model = model;
    this.#provider = monaco.languages.registerCodeActionProvider(
      model.getLanguageId(),
      { provideCodeActions: (target, _range, context) => this.#fixActions(target, context) },
      { providedCodeActionKinds: ['quickfix'] },
    );
  }

  /** Replaces one feed's markers; `version` is the model version they describe. */
  show(feed: string, markers: readonly EditorMarker[], version: number): void {
    const previous = this.#feeds.get(feed);
    const groups = markersBySource(markers);
    const fixes = new Map<string, MarkerFix>();
    for (const owner of previous?.owners ?? []) {
      if (!groups.has(owner)) this.#monaco.editor.setModelMarkers(this.#model, owner, []);
    }
    for (const [owner, group] of groups) {
      const shown = toMonacoMarkers(this.#monaco, this.#model, group);
      this.#monaco.editor.setModelMarkers(this.#model, owner, shown);
      group.forEach((marker, index) => {
        if (marker.fix) fixes.set(markerKey(shown[index]!), marker.fix);
      });
    }
    this.#feeds.set(feed, { owners: new Set(groups.keys()), version, fixes });
  }

  dispose(): void {
    this.#provider.dispose();
    for (const feed of this.#feeds.values()) {
      for (const owner of feed.owners) this.#monaco.editor.setModelMarkers(this.#model, owner, []);
    }
    this.#feeds.clear();
  }

  #fixActions(
    model: Monaco.editor.ITextModel,
    context: Monaco.languages.CodeActionContext,
  ): Monaco.languages.CodeActionList {
    const actions: Monaco.languages.CodeAction[] = [];
    if (model === this.#model) {
      const version = model.getVersionId();
      for (const marker of context.markers) {
        const fix = this.#fixFor(marker, version);
        if (fix) actions.push(this.#action(marker, fix, version));
      }
    }
    return { actions, dispose: () => {} };
  }

  #fixFor(marker: Monaco.editor.IMarkerData, version: number): MarkerFix | undefined {
    const key = markerKey(marker);
    for (const feed of this.#feeds.values()) {
      if (feed.version === version && feed.fixes.has(key)) return feed.fixes.get(key);
    }
    return undefined;
  }

  #action(
    marker: Monaco.editor.IMarkerData,
    fix: MarkerFix,
    version: number,
  ): Monaco.languages.CodeAction {
    return {
      title: `Fix: ${fix.title}`,
      kind: 'quickfix',
      diagnostics: [marker],
      isPreferred: true,
      edit: {
        edits: fix.edits.map(({ text, ...range }) => ({
          resource: this.#model.uri,
          textEdit: { range, text },
          versionId: version,
        })),
      },
    };
  }
}
