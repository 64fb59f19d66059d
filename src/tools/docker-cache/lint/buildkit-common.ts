/** Shared helpers for BuildKit's build checks (moby/buildkit frontend/dockerfile/docs/rules). */
import type { FromInstruction, Instruction } from '../model';
import type { LintContext, LintRule, RawFinding } from './types';

export const automaticArgs = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
];

export function each(ctx: LintContext, test: (i: Instruction) => RawFinding | null): RawFinding[] {
  return ctx.dockerfile.instructions.map(test).filter((f): f is RawFinding => f !== null);
}

export function froms(ctx: LintContext): FromInstruction[] {
  return ctx.dockerfile.stages.map((s) => s.from);
}

export function casing(word: string): 'upper' | 'lower' | 'mixed' {
  return word === word.toUpperCase() ? 'upper' : word === word.toLowerCase() ? 'lower' : 'mixed';
}

/** A BuildKit check: BuildKit reports every check as a warning. */
export function bk(
  id: string,
  explanation: string,
  check: LintRule['check'],
  severity: LintRule['severity'] = 'warning',
): LintRule {
  return { id, tool: 'buildkit', severity, toolSeverity: 'Warning', explanation, check };
}
