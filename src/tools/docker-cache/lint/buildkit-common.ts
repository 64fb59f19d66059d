/** Shared helpers for BuildKit's build checks (moby/buildkit frontend/dockerfile/docs/rules). */
import type { FromInstruction, Instruction } from '../model';
import type { LintContext, RawFinding } from './types';

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
