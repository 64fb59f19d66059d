/**
 * Public API of the Docker layer-cache simulator for the lab UI:
 * parse a Dockerfile, simulate a rebuild with BuildKit or the classic builder, estimate costs,
 * lint, and apply fixes. Everything here is synchronous and browser-safe.
 */
export { parseDockerfile } from './parse';
export { simulate, toResult } from './simulate';
export type { SimulateOptions, SimulationResult, SimulationStep } from './simulate';
export { runBuild } from './build';
export type { BuildOptions } from './build';
export { emptyCache } from './build/cache-store';
export type { CacheStore } from './build/cache-store';
export { scenarioBuilds, parseBuildFlags } from './build/input';
export type { BuildInput, BuildFlags, ContextFile } from './build/input';
export { estimateSteps, imageSize } from './explain/estimate';
export type { StepEstimate } from './explain/estimate';
export { lint, lintRules } from './lint';
export type { LintResult } from './lint';
export { applyFix, applyEdits } from './lint/apply-fix';
export type { LintFinding, LintFix, LintOptions, LintTool, Severity, TextEdit } from './lint/types';
export { parseDockerignore } from './context/dockerignore';
export type { IgnoreMatcher } from './context/dockerignore';
export { scenarioSchema, validateScenario } from './scenario';
export type { Scenario, ScenarioCheck, StepStatus } from './scenario';
export type { BuilderName, BuildRun, StepRecord } from './build/types';
export type { BaseImageRefresh } from './build/images';
export type { Dockerfile, Instruction, ParseError, ParseResult, Stage } from './model';
