/** Types shared by the build engine, the simulator and the public API. */
import type { BuildContext } from '../context';
import type { Dockerfile, Instruction, Stage } from '../model';
import type { StepStatus } from '../scenario';
import type { SourceContent } from './sources';
import type { Output } from './state';
import type { KeyParts } from './plan';

export type BuilderName = 'buildkit' | 'classic';

/** One instruction's fate in one build. */
export interface StepRecord {
  instruction: Instruction;
  stage: Stage | null;
  status: StepStatus;
  reason: string;
  parts: KeyParts | null;
  /** What the step read (files, stage outputs, URLs), for estimates. */
  content: SourceContent | null;
  /** Whether persistent cache mounts were warm when it ran. */
  warmCacheMounts: boolean;
}

export type BuildRun =
  | {
      ok: true;
      dockerfile: Dockerfile;
      context: BuildContext;
      records: StepRecord[];
      stagesBuilt: Stage[];
      /** The step where the build would fail (e.g. a missing COPY source), if any. */
      failure: { line: number; message: string } | null;
      /** True when the cache was empty before this build. */
      coldCache: boolean;
    }
  | { ok: false; errors: string[]; needsBuildkit: boolean };

/** What the engine knows about the image a stage starts from. */
export interface StageStart {
  output: Output;
  status: StepStatus;
  reason: string;
}
