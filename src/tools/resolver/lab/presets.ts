/**
 * Ready-made indexes for the resolver lab, in the text form (`parseProblemText`): the worked
 * examples of pubgrub.md and pub (spec-presets.ts), then the ones the lessons need.
 */
import { lines, specPresets } from './spec-presets';

export interface ResolverPreset {
  readonly name: string;
  readonly title: string;
  /** One sentence: what to look for. */
  readonly summary: string;
  readonly text: string;
}

export const resolverPresets = [
  ...specPresets,
  {
    name: 'naive-explodes',
    title: 'Where naive backtracking explodes',
    summary:
      'cloud-sdk 3 cannot work, but that shows only after five unrelated choices: a naive search retries every combination of them, PubGrub learns why and jumps back.',
    text: lines(
      '# cloud-sdk 3 needs cloud-proto 2 and cloud-transport 2, but every cloud-proto 2',
      '# still needs cloud-transport 1: a broken release series, newest first.',
      'root myapp 1.0.0 -> cloud-sdk, click, rich, attrs, platformdirs, tomli',
      'cloud-sdk 2.8.0 2.9.0 -> cloud-proto>=1,<2, cloud-transport>=1,<2',
      'cloud-sdk 3.0.0 3.1.0 -> cloud-proto>=2, cloud-transport>=2',
      'cloud-proto 1.9.0 2.0.0 2.1.0 2.2.0 2.3.0 2.4.0 -> cloud-transport<2',
      'cloud-transport 1.4.0 1.5.0 2.0.0 2.1.0 2.2.0 2.3.0',
      'click 8.1.3 8.1.5 8.1.6 8.1.7 8.1.8',
      'rich 13.5.0 13.6.0 13.7.0 13.7.1 13.8.0',
      'attrs 23.1.0 23.2.0 24.1.0 24.2.0 24.3.0',
      'platformdirs 3.11.0 4.0.0 4.1.0 4.2.0 4.3.6',
      'tomli 2.0.0 2.0.1 2.0.2 2.1.0 2.2.1',
    ),
  },
  {
    name: 'sat-encoding',
    title: 'A 3-SAT formula as packages',
    summary:
      '(x1 or not x2 or x3) and (not x1 or x2) and (not x2 or not x3) and (x1 or not x3): version 2 is true, 1 is false.',
    text: lines(
      '# Each variable is a package: version 2.0.0 means true, 1.0.0 means false.',
      '# Each clause is a package with one version per literal; the root needs every clause.',
      'root -> clause1, clause2, clause3, clause4',
      'clause1 1.0.0 -> x1>=2',
      'clause1 2.0.0 -> x2<2',
      'clause1 3.0.0 -> x3>=2',
      'clause2 1.0.0 -> x1<2',
      'clause2 2.0.0 -> x2>=2',
      'clause3 1.0.0 -> x2<2',
      'clause3 2.0.0 -> x3<2',
      'clause4 1.0.0 -> x1>=2',
      'clause4 2.0.0 -> x3<2',
      'x1 1.0.0 2.0.0',
      'x2 1.0.0 2.0.0',
      'x3 1.0.0 2.0.0',
    ),
  },
  {
    name: 'sat-unsatisfiable',
    title: 'An unsatisfiable formula',
    summary:
      'All four clauses over x1 and x2: no assignment satisfies them, and the report says why.',
    text: lines(
      '# (x1 or x2) and (not x1 or x2) and (x1 or not x2) and (not x1 or not x2)',
      'root -> clause1, clause2, clause3, clause4',
      'clause1 1.0.0 -> x1>=2',
      'clause1 2.0.0 -> x2>=2',
      'clause2 1.0.0 -> x1<2',
      'clause2 2.0.0 -> x2>=2',
      'clause3 1.0.0 -> x1>=2',
      'clause3 2.0.0 -> x2<2',
      'clause4 1.0.0 -> x1<2',
      'clause4 2.0.0 -> x2<2',
      'x1 1.0.0 2.0.0',
      'x2 1.0.0 2.0.0',
    ),
  },
  {
    name: 'pydantic-upper-bound',
    title: 'An upper bound that blocks pydantic 2',
    summary:
      'The app wants pydantic 2, but its own "<2" cap on legacy-auth only allows versions that need pydantic 1.',
    text: lines(
      '# Read the explanation, then find the one constraint that causes it.',
      'root myapp 1.0.0 -> fastapi>=0.100, pydantic>=2.0, legacy-auth>=1.2,<2',
      'fastapi 0.99.1 -> pydantic>=1.7.4,<2.0, starlette>=0.27,<0.28',
      'fastapi 0.100.0 0.110.0 -> pydantic>=1.7.4,!=2.0.0,<3.0, starlette>=0.27,<0.38',
      'pydantic 1.10.13 2.5.3 2.7.0',
      'starlette 0.27.0 0.37.2',
      'legacy-auth 1.2.0 1.3.0 -> pydantic<2',
      'legacy-auth 2.0.0 -> pydantic>=2,<3',
    ),
  },
] as const satisfies readonly ResolverPreset[];

export type PresetName = (typeof resolverPresets)[number]['name'];

export const presetNames = resolverPresets.map((preset) => preset.name) as [
  PresetName,
  ...PresetName[],
];

export function findPreset(name: string): ResolverPreset | undefined {
  return resolverPresets.find((preset) => preset.name === name);
}
