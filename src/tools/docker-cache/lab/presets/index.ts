/**
 * Ready-made labs: the standalone page offers them as starting points, and a lesson's
 * `docker-lab` block can start from one with `preset=<name>`.
 */
import type { LabConfig } from '../lab-config';
import { copyFirstPreset } from './copy-first';
import { multiStagePreset } from './multi-stage';
import { uvPreset } from './uv';

export interface LabPreset {
  name: string;
  title: string;
  config: LabConfig;
}

export const presetNames = ['copy-before-install', 'uv-project', 'multi-stage'] as const;
export type PresetName = (typeof presetNames)[number];

export const labPresets: readonly LabPreset[] = [
  { name: 'copy-before-install', title: 'COPY . . before pip install', config: copyFirstPreset },
  { name: 'uv-project', title: 'pyproject.toml + uv.lock', config: uvPreset },
  { name: 'multi-stage', title: 'Builder, test and runtime stages', config: multiStagePreset },
];

export function findPreset(name: string): LabPreset | undefined {
  return labPresets.find((preset) => preset.name === name);
}
