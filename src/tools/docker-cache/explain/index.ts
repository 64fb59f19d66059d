/**
 * Reasons a learner can read: why a step hit, missed, is meta or was skipped. A miss is explained
 * by comparing its key parts with what earlier builds recorded on the same parent layer.
 */
import type { BuilderName } from '../build/types';
import { argChanges, commandChange, envChanges, inputChange, strip } from './key-diff';
import { copyHitNote, diffFiles, filesSentence, type ContextChanges } from './files';
import type { Instruction } from '../model';
import type { Output } from '../build/state';
import type { KeyParts } from '../build/plan';

export interface LayerExplainInput {
  builder: BuilderName;
  instruction: Instruction;
  hit: boolean;
  forced: boolean;
  parts: KeyParts;
  chainIn: Output;
  previous: readonly KeyParts[];
  coldCache: boolean;
  changes: ContextChanges | null;
}

/** Short name of an instruction for sentences: `COPY . .`, `RUN pip install …`. */
export function shortName(ins: Instruction): string {
  return ins.text.length > 48 ? `${ins.text.slice(0, 45)}…` : ins.text;
}

export function explainLayer(e: LayerExplainInput): string {
  return e.hit ? `hit: ${hitReason(e)}` : `miss: ${missReason(e)}`;
}

function hitReason(e: LayerExplainInput): string {
  const ins = e.instruction;
  const name = shortName(ins);
  if (e.builder === 'classic' && e.parts.kind === 'meta') {
    return `the classic builder found this ${ins.keyword} step in its cache`;
  }
  if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
    const sources = ins.from === null ? ins.sources : [];
    const note = copyHitNote(e.parts.files, sources, name, e.changes);
    if (note) return note;
    if (e.parts.chain === null)
      return 'COPY --link does not depend on the layers before it, and its files are unchanged';
    if (ins.from !== null) return `the files it copies from ${ins.from} are unchanged`;
    const count = Object.keys(e.parts.files).length + Object.keys(e.parts.inputs).length;
    const only = Object.keys(e.parts.files);
    return count === 1 && only[0] !== undefined
      ? `${only[0]} is unchanged`
      : `the ${count} files it copies are unchanged`;
  }
  if (ins.keyword === 'WORKDIR') return 'same directory on the same parent layer';
  if (Object.keys(e.parts.files).length > 0)
    return 'same command and parent layer, and the bind-mounted files are unchanged';
  return e.builder === 'classic'
    ? 'same command and parent image as before'
    : 'same command, environment and parent layer as before';
}

function missReason(e: LayerExplainInput): string {
  if (e.forced) {
    return e.builder === 'classic'
      ? '--no-cache turns the classic builder’s cache off, so every step runs'
      : '--no-cache re-runs every RUN, COPY and ADD';
  }
  if (e.coldCache) return 'first build, nothing is cached yet';
  if (e.parts.chain !== null && e.chainIn.fresh) return cascadeReason(e);
  const best = closest(e.parts, e.previous);
  if (best === undefined) return 'no earlier build ran this step on this parent layer';
  const reasons = differences(e, best);
  // The classic builder's record of a metadata step is its comment; other parts just follow it.
  if (e.builder === 'classic' && e.parts.kind === 'meta' && reasons.length > 0)
    return reasons[0] ?? '';
  return reasons.length > 0 ? reasons.slice(0, 2).join('; ') : 'its definition changed';
}

function cascadeReason(e: LayerExplainInput): string {
  const at = `line ${e.chainIn.line}`;
  if (e.chainIn.producer === 'image')
    return `the base image changed (${at}), so every step built on it runs again`;
  if (e.chainIn.producer === 'stage') return `the stage it starts from was rebuilt (${at})`;
  return e.builder === 'classic'
    ? `an earlier step in this stage missed (${at}); after a miss the classic builder stops using its cache until the next FROM`
    : `the layer it builds on was rebuilt (${at})`;
}

function closest(parts: KeyParts, previous: readonly KeyParts[]): KeyParts | undefined {
  let best: KeyParts | undefined;
  let bestScore = -1;
  for (const candidate of previous) {
    if (candidate.kind !== parts.kind) continue;
    const score =
      Object.entries(parts.fields).filter(([k, v]) => candidate.fields[k] === v).length +
      (JSON.stringify(candidate.env) === JSON.stringify(parts.env) ? 1 : 0);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function differences(e: LayerExplainInput, old: KeyParts): string[] {
  const out: string[] = [];
  const now = e.parts;
  const name = shortName(e.instruction);
  const changed = (field: string) => (old.fields[field] ?? '') !== (now.fields[field] ?? '');
  const was = (field: string) =>
    `${old.fields[field] || '(none)'} → ${now.fields[field] || '(none)'}`;
  if (changed('args')) out.push(commandChange(old.fields['args'] ?? '', now.fields['args'] ?? ''));
  if (changed('buildArgs'))
    out.push(...argChanges(old.fields['buildArgs'] ?? '', now.fields['buildArgs'] ?? ''));
  if (changed('cmd')) {
    out.push(
      now.kind === 'meta'
        ? `the classic builder caches ${e.instruction.keyword} as a step, and \`${strip(now.fields['cmd'])}\` differs from the cached \`${strip(old.fields['cmd'])}\``
        : now.kind === 'run'
          ? 'the command text changed (the cache compares the text, not what it does)'
          : 'the destination or --chown changed',
    );
  }
  const files = diffFiles(old.files, now.files);
  if (files.length > 0) {
    const reader = e.instruction.keyword === 'RUN' ? 'a bind mount of this RUN' : name;
    out.push(filesSentence(files, reader, e.changes));
  }
  for (const key of Object.keys(now.inputs)) {
    if (old.inputs[key] === now.inputs[key]) continue;
    out.push(inputChange(key));
  }
  out.push(...envChanges(old, now));
  const labels: Record<string, string> = {
    path: `the directory changed (${was('path')})`,
    dest: `the destination changed (${was('dest')})`,
    sources: `the source list changed (${was('sources')})`,
    cwd: `the working directory changed (${was('cwd')})`,
    user: `USER changed (${was('user')}), and ${e.instruction.keyword === 'WORKDIR' ? 'WORKDIR creates the directory as that user' : 'RUN runs as that user'}`,
    epoch: 'SOURCE_DATE_EPOCH changed, and BuildKit stamps the WORKDIR directory with it',
    chown: `--chown changed (${was('chown')})`,
    chmod: `--chmod changed (${was('chmod')})`,
    mounts: 'the --mount options changed',
    network: `--network changed (${was('network')})`,
    security: `--security changed (${was('security')})`,
    platform: `the platform changed (${was('platform')})`,
    shell: 'SHELL changed, so the command runs under a different shell',
    flags: 'the COPY/ADD options changed',
    link: '--link was added or removed',
    config: 'the image config it is recorded with changed',
  };
  for (const [field, sentence] of Object.entries(labels)) if (changed(field)) out.push(sentence);
  return out;
}
