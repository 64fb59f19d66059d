/**
 * Content fingerprints of what a step reads besides its parent: context files (R-COPY-SUM),
 * another stage's output (R-COPY-FROM), an image, a URL (R-ADD-URL), a heredoc, and bind-mounted
 * sources (R-MOUNT-BIND). A stage's output at a path is the set of steps that may have written
 * it; a re-run step's output counts as changed unless the scenario marks it reproducible.
 */
import type { BuildContext, FileStamp } from '../context';
import { digest, digestOf } from './hash';
import { isWithin, resolveIn } from '../paths';
import type { StageState, Writer } from './state';

export interface SourceWorld {
  context: BuildContext;
  remote: Readonly<Record<string, string>>;
  reproducible: readonly string[];
  /** The final state of a built stage, by reference (name or index). */
  stageState(ref: string): { label: string; state: StageState } | undefined;
  /** Digest of an image used directly (COPY --from=image, --mount from=image). */
  imageDigest(ref: string): string;
}

export interface SourceContent {
  files: Map<string, FileStamp>;
  /** Named fingerprints: `stage:path`, URLs, heredocs, images. */
  inputs: Record<string, string>;
  /** Bytes that reach the builder (for estimates). */
  bytes: number;
  errors: string[];
}

export function emptyContent(): SourceContent {
  return { files: new Map(), inputs: {}, bytes: 0, errors: [] };
}

/** ADD fetches these instead of reading the context (http(s), git URLs, git@host:repo). */
export function isUrl(source: string): boolean {
  return /^(https?|git):\/\//i.test(source) || source.startsWith('git@');
}

const pathToken = /(?:^|[\s=:'"(,])((?:\/|\.\.?\/)?[A-Za-z0-9_.@+~-]+(?:\/[A-Za-z0-9_.@+~*-]*)*)/g;

/** Paths a RUN command mentions, resolved against its working directory. */
export function mentionedPaths(text: string, cwd: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(pathToken)) {
    const token = match[1] ?? '';
    if (!token.includes('/') || token.startsWith('//')) continue;
    found.add(resolveIn(cwd, token.replace(/\/\*.*$/, '')));
  }
  return [...found];
}

function overlaps(a: string, b: string): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

function writes(writer: Writer, path: string): boolean {
  if (writer.kind !== 'run') return writer.paths.some((p) => overlaps(p, path));
  const name = path.split('/').pop() ?? '';
  return (
    writer.paths.some((p) => overlaps(p, path)) ||
    (name !== '' && writer.text.split(/\s+/).includes(name))
  );
}

/** Fingerprint of `path` at the end of a stage. */
export function stagePathFingerprint(
  world: SourceWorld,
  label: string,
  state: StageState,
  path: string,
): string {
  const reproducible = world.reproducible.some((entry) => {
    const colon = entry.indexOf(':');
    return (
      entry.slice(0, colon).toLowerCase() === label &&
      isWithin(path, resolveIn('/', entry.slice(colon + 1)))
    );
  });
  if (reproducible) return `reproducible:${label}:${path}`;
  const base = state.writers[0];
  const covering = state.writers.slice(1).filter((w) => writes(w, path));
  const used =
    covering.length > 0 ? covering : state.writers.slice(1).filter((w) => w.kind === 'run');
  return digestOf([base?.output.id ?? '', ...used.map((w) => w.output.id)]);
}

/** What COPY/ADD sources or a bind mount read. `sources` are already expanded. */
export function readSources(
  world: SourceWorld,
  sources: readonly string[],
  from: string | null,
  heredocs: ReadonlyMap<string, string>,
): SourceContent {
  const content = emptyContent();
  if (from !== null) {
    const stage = world.stageState(from);
    for (const source of sources) {
      const path = resolveIn('/', source);
      content.inputs[`${stage ? stage.label : from}:${path}`] = stage
        ? stagePathFingerprint(world, stage.label, stage.state, path)
        : `image:${world.imageDigest(from)}`;
    }
    return content;
  }
  const local: string[] = [];
  for (const source of sources) {
    const heredoc = /^<<-?["']?([^"']+)["']?$/.exec(source)?.[1];
    if (heredoc !== undefined && heredocs.has(heredoc)) {
      const body = heredocs.get(heredoc) ?? '';
      content.inputs[`heredoc:${heredoc}`] = digest(body);
      content.bytes += body.length;
    } else if (isUrl(source)) {
      const body = world.remote[source] ?? '';
      content.inputs[source] = digest(body);
      content.bytes += body.length;
    } else local.push(source);
  }
  if (local.length === 0) return content;
  const selection = world.context.select(local);
  content.files = selection.files;
  for (const stamp of selection.files.values()) content.bytes += stamp.size;
  for (const gone of selection.missing) {
    content.errors.push(
      gone.excluded
        ? `${gone.source} is excluded by .dockerignore, so it is not in the build context`
        : `${gone.source} is not in the build context`,
    );
  }
  return content;
}
