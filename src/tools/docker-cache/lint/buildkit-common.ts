/** Shared helpers for BuildKit's build checks (moby/buildkit frontend/dockerfile/docs/rules). */
import type { FromInstruction, Instruction } from '../model';
import type { LintContext, LintRule, RawFinding, RuleInfo } from './types';

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

/** A BuildKit check as another rule's alias: BuildKit reports every check as a warning. */
export function bkAlias(id: string, explanation: string): RuleInfo {
  return { id, tool: 'buildkit', severity: 'warning', toolSeverity: 'Warning', explanation };
}

/** A BuildKit check. */
export function bk(
  id: string,
  explanation: string,
  check: LintRule['check'],
  severity: LintRule['severity'] = 'warning',
): LintRule {
  return { ...bkAlias(id, explanation), severity, check };
}
