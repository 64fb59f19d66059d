/**
 * A multi-file project on a lesson page: every file editable (unless read-only) and saved in
 * the learner's progress; Run writes them all into a folder of their own and runs the entry.
 */
import type { RuntimeClient } from '../../runtime';
import { CellController } from '../../ui/cell';
import type { ProjectBlock, ProjectFile } from '../model';
import type { ProgressStore } from '../progress.svelte';

export interface EditableFile extends ProjectFile {
  original: string;
}

export class ProjectController {
  readonly block: ProjectBlock;
  files = $state<EditableFile[]>([]);
  selected = $state('');
  readonly runner: CellController;
  #progress: ProgressStore;
  #packId: string;
  #prefix: string;

  constructor(
    runtime: RuntimeClient,
    progress: ProgressStore,
    block: ProjectBlock,
    packId: string,
    lessonId: string,
  ) {
    this.block = block;
    this.#progress = progress;
    this.#packId = packId;
    this.#prefix = `${lessonId}/${block.id}/`;
    const saved = progress.of(packId).code;
    this.files = block.files.map((file) => ({
      ...file,
      original: file.content,
      content: saved[this.#prefix + file.path]?.code ?? file.content,
    }));
    this.selected = block.entry;
    this.runner = new CellController(runtime, {
      code: block.files.find((file) => file.path === block.entry)!.content,
      scope: `project:${packId}/${lessonId}/${block.id}`,
      filename: block.entry,
      files: () => Object.fromEntries(this.files.map((file) => [file.path, file.content])),
    });
  }

  get current(): EditableFile {
    return this.files.find((file) => file.path === this.selected) ?? this.files[0]!;
  }

  get changed(): boolean {
    return this.files.some((file) => file.content !== file.original);
  }

  /** The failing line of the last run in the file shown, if it failed in that file. */
  get errorLine(): number | null {
    const error = this.runner.lastError;
    return error && error.filename === this.selected && this.#ranUnchanged ? error.line : null;
  }

  #ranContents = '';

  get #ranUnchanged(): boolean {
    return this.#ranContents === JSON.stringify(this.files.map((file) => file.content));
  }

  async run(): Promise<void> {
    this.runner.code = this.files.find((file) => file.path === this.block.entry)!.content;
    this.#ranContents = JSON.stringify(this.files.map((file) => file.content));
    await this.runner.run();
  }

  reset(): void {
    for (const file of this.files) file.content = file.original;
  }

  save(): void {
    for (const file of this.files) {
      this.#progress.saveCode(this.#packId, this.#prefix + file.path, file.content, file.original);
    }
  }
}
