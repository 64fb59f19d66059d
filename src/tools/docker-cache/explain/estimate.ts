/**
 * Per-step time and size estimates, so the timeline can show what a miss costs. They are rough
 * and deliberately simple; the numbers are typical of a laptop on a decent connection:
 *
 * - FROM an image: size from a small table by name (python:*-slim 130 MB, python 1 GB, *-alpine
 *   8–55 MB, node 1.1 GB, …, default 150 MB); a pull takes 1 s + size / 40 MB/s. FROM a stage: 0.
 * - COPY/ADD from the context: the selected bytes; 0.2 s + bytes / 50 MB/s. From a URL: 0.5 s +
 *   bytes / 10 MB/s. COPY --from a stage: the sizes of that stage's steps that mention the path
 *   (else 20 MB); 0.2 s + bytes / 200 MB/s.
 * - RUN: 0.3 s to start a container, plus per command:
 *   pip/poetry install of N packages (N counted from `-r` files, lock files, pyproject
 *   dependencies, or the names given): 2.5 s and 8 MB each; 0.6 s each with a warm cache mount;
 *   +50% size when pip keeps its cache (no --no-cache-dir, no cache mount; DL3042).
 *   uv: 0.5 s each (0.1 s warm). apt-get install: 1.5 s and 6 MB per package (0.4 s warm),
 *   ×1.5 size without --no-install-recommends; apt-get update 4 s and 25 MB of lists unless they
 *   are removed in the same RUN or live in a cache mount (DL3009). apk add: 0.4 s and 2 MB per
 *   package. npm/yarn/pnpm: 0.5 s (0.1 s warm) and 3 MB per dependency in package.json. go mod
 *   download: 0.5 s and 5 MB per module (go.sum lines / 2); go build 20 s and 15 MB; cargo build
 *   60 s and 30 MB; python -m venv 3 s and 25 MB; pytest 5 s; curl/wget 2 s and 10 MB; anything
 *   else 1 s and 100 KB.
 * - WORKDIR 0.1 s, 0 B. Metadata instructions 0 s, 0 B.
 *
 * `miss_seconds` is what the step costs when it runs; `seconds` is what it cost in this build
 * (0 for a hit, a metadata instruction or a skipped stage). `bytes` is the layer's size either way.
 */
import type { BuildRun, StepRecord } from '../build/types';
import { installOf } from './estimate-packages';
import type { Instruction, RunInstruction } from '../model';
import { runs, parseShell } from '../parse/shell';

export interface StepEstimate {
  seconds: number;
  miss_seconds: number;
  bytes: number;
}

const MB = 1_000_000;
type Done = Extract<BuildRun, { ok: true }>;

const imageSizes: Array<[RegExp, number]> = [
  [/^scratch$/, 0],
  [/busybox/, 4 * MB],
  [/^python:.*alpine/, 55 * MB],
  [/alpine/, 8 * MB],
  [/distroless/, 25 * MB],
  [/^python:.*slim/, 130 * MB],
  [/^python/, 1000 * MB],
  [/^node:.*slim/, 200 * MB],
  [/^node/, 1100 * MB],
  [/^golang/, 800 * MB],
  [/^rust/, 1400 * MB],
  [/^ubuntu/, 78 * MB],
  [/^debian:.*slim/, 75 * MB],
  [/^debian/, 120 * MB],
];

export function imageSize(ref: string): number {
  const name = ref.replace(/^(docker\.io\/)?(library\/)?/, '').toLowerCase();
  return imageSizes.find(([pattern]) => pattern.test(name))?.[1] ?? 150 * MB;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

export function estimateSteps(run: Done): StepEstimate[] {
  const sizes = new Map<Instruction, number>();
  return run.records.map((record) => {
    const { seconds, bytes } = estimateRecord(run, record, sizes);
    sizes.set(record.instruction, bytes);
    const ran = record.status === 'miss';
    return {
      seconds: ran ? round(seconds) : 0,
      miss_seconds: round(seconds),
      bytes: Math.round(bytes),
    };
  });
}

function estimateRecord(
  run: Done,
  record: StepRecord,
  sizes: ReadonlyMap<Instruction, number>,
): { seconds: number; bytes: number } {
  const ins = record.instruction;
  switch (ins.keyword) {
    case 'FROM': {
      const isStage = run.dockerfile.stages.some(
        (s) => s.index < (ins.stage ?? 0) && s.name === ins.image.toLowerCase(),
      );
      if (isStage) return { seconds: 0, bytes: 0 };
      const bytes = imageSize(ins.image);
      return { seconds: bytes === 0 ? 0 : 1 + bytes / (40 * MB), bytes };
    }
    case 'WORKDIR':
      return { seconds: record.status === 'meta' ? 0 : 0.1, bytes: 0 };
    case 'COPY':
    case 'ADD': {
      if (ins.from !== null) {
        const stage = run.dockerfile.stages.find(
          (s) => s.name === ins.from?.toLowerCase() || String(s.index) === ins.from,
        );
        const writers = (stage?.instructions ?? []).filter((i) =>
          ins.sources.some((src) => i.text.includes(src)),
        );
        const bytes = writers.reduce((sum, i) => sum + (sizes.get(i) ?? 0), 0) || 20 * MB;
        return { seconds: 0.2 + bytes / (200 * MB), bytes };
      }
      const bytes = record.content?.bytes ?? 0;
      const remote = ins.sources.some((s) => /^https?:/i.test(s));
      return { seconds: remote ? 0.5 + bytes / (10 * MB) : 0.2 + bytes / (50 * MB), bytes };
    }
    case 'RUN':
      return record.status === 'meta'
        ? { seconds: 0, bytes: 0 }
        : estimateRun(run, ins, record.warmCacheMounts);
    default:
      return { seconds: 0, bytes: 0 };
  }
}

function estimateRun(
  run: Done,
  ins: RunInstruction,
  warm: boolean,
): { seconds: number; bytes: number } {
  const text = ins.command.form === 'shell' ? ins.command.text : ins.command.argv.join(' ');
  const script = parseShell([text, ...ins.heredocs.map((h) => h.body)].join('\n'));
  const cacheMount = (needle: string) =>
    ins.mounts.some((m) => m.type === 'cache' && (m.options['target'] ?? '').includes(needle));
  const warmFor = (needle: string) => warm && cacheMount(needle);
  let seconds = 0.3;
  let bytes = 0;
  for (const command of script.commands) {
    const install = installOf(command, run.context);
    if (install) {
      const n = install.packages;
      switch (install.kind) {
        case 'pip': {
          const keepsCache = !command.args.includes('--no-cache-dir') && !cacheMount('.cache/pip');
          seconds += n * (warmFor('.cache/pip') ? 0.6 : 2.5);
          bytes += n * 8 * MB * (keepsCache ? 1.5 : 1);
          break;
        }
        case 'uv':
          seconds += n * (warmFor('.cache/uv') ? 0.1 : 0.5);
          bytes += n * 8 * MB;
          break;
        case 'apt':
          seconds += n * (warmFor('/var/cache/apt') ? 0.4 : 1.5);
          bytes += n * 6 * MB * (command.args.includes('--no-install-recommends') ? 1 : 1.5);
          break;
        case 'apk':
          seconds += n * 0.4;
          bytes += n * 2 * MB;
          break;
        case 'npm':
          seconds += n * (warmFor('.npm') || warmFor('yarn') ? 0.1 : 0.5);
          bytes += n * 3 * MB;
          break;
        case 'go':
          seconds += n * (warmFor('/go/pkg/mod') ? 0.1 : 0.5);
          bytes += n * 5 * MB;
          break;
        case 'other':
          break;
      }
    } else if (runs(command, /^apt(-get)?$/, 'update')) {
      seconds += 4;
      const removed = script.commands.some(
        (c) => c.name === 'rm' && c.args.some((a) => a.startsWith('/var/lib/apt/lists')),
      );
      bytes += removed || cacheMount('/var/lib/apt') ? 0 : 25 * MB;
    } else if (runs(command, 'go', 'build')) {
      seconds += 20;
      bytes += 15 * MB;
    } else if (runs(command, 'cargo', 'build')) {
      seconds += 60;
      bytes += 30 * MB;
    } else if (runs(command, /^python[0-9.]*$/, 'venv')) {
      seconds += 3;
      bytes += 25 * MB;
    } else if (runs(command, 'pytest') || runs(command, /^python[0-9.]*$/, 'pytest')) {
      seconds += 5;
    } else if (runs(command, /^(curl|wget)$/)) {
      seconds += 2;
      bytes += 10 * MB;
    } else {
      seconds += 1;
      bytes += 0.1 * MB;
    }
  }
  return { seconds, bytes };
}
