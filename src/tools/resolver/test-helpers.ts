/**
 * Helpers for the resolver tests: the solver's answer or a clear failure (`solved`, `failed`),
 * and independent checks, a brute-force solver and term evaluation that read specifiers with
 * `pep440.ts` directly, never through the version-set algebra under test.
 */
import { parseVersion } from './pep440';
import { parseSpecifier, specifierMatches } from './specifier';
import type { Problem } from './problem-schema';
import { solve } from './solver';
import type { IncompatibilityView, SolverStep, TermView } from './steps';

/** The solution of a problem that must solve; a failure throws with the explanation. */
export function solved(problem: unknown): Record<string, string> {
  const result = solve(problem);
  if (!result.ok) throw new Error(`expected a solution, got:\n${result.explanation}`);
  return result.solution;
}

/** The explanation of a problem that must fail. */
export function failed(problem: unknown): string {
  const result = solve(problem);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.solution)}`);
  return result.explanation;
}

/** Package name to selected version; the root is included. */
export type Selection = ReadonlyMap<string, string>;

export function matches(spec: string, version: string): boolean {
  const v = parseVersion(version);
  if (!v) throw new Error(`bad version ${version}`);
  return specifierMatches(parseSpecifier(spec), v);
}

function depsOf(problem: Problem, name: string, version: string): Record<string, string> {
  if (name === problem.root.name) return problem.requires;
  return problem.index[name]?.[version] ?? {};
}

/** Every selected version's dependencies hold (reachability not required). */
export function isConsistent(problem: Problem, selection: Selection): boolean {
  if (selection.get(problem.root.name) !== problem.root.version) return false;
  for (const [name, version] of selection) {
    for (const [dep, spec] of Object.entries(depsOf(problem, name, version))) {
      const chosen = selection.get(dep);
      if (chosen === undefined || !matches(spec, chosen)) return false;
    }
  }
  return true;
}

/** Why `solution` (without the root) is not a valid answer, or null if it is one. */
export function solutionProblem(
  problem: Problem,
  solution: Readonly<Record<string, string>>,
): string | null {
  const selection = new Map([
    [problem.root.name, problem.root.version],
    ...Object.entries(solution),
  ]);
  for (const [name, version] of Object.entries(solution)) {
    if (!problem.index[name]?.[version]) return `${name} ${version} is not in the index`;
  }
  if (!isConsistent(problem, selection)) return 'some dependency is not satisfied';
  const reached = new Set([problem.root.name]);
  const queue = [problem.root.name];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const dep of Object.keys(depsOf(problem, next, selection.get(next) ?? ''))) {
      if (!reached.has(dep)) {
        reached.add(dep);
        queue.push(dep);
      }
    }
  }
  const extra = [...selection.keys()].find((name) => !reached.has(name));
  return extra === undefined ? null : `${extra} is not reachable from the root`;
}

/** All selections of listed versions (or nothing) for every package, with the root fixed. */
export function* allSelections(problem: Problem): Generator<Selection> {
  const packages = Object.keys(problem.index);
  const choices = packages.map((name) => [undefined, ...Object.keys(problem.index[name] ?? {})]);
  const current = new Map([[problem.root.name, problem.root.version]]);
  function* walk(i: number): Generator<Selection> {
    if (i === packages.length) {
      yield current;
      return;
    }
    const name = packages[i] ?? '';
    for (const version of choices[i] ?? []) {
      if (version === undefined) current.delete(name);
      else current.set(name, version);
      yield* walk(i + 1);
    }
    current.delete(name);
  }
  yield* walk(0);
}

export function bruteForceSatisfiable(problem: Problem): boolean {
  for (const selection of allSelections(problem)) if (isConsistent(problem, selection)) return true;
  return false;
}

export function termHolds(term: TermView, selection: Selection): boolean {
  const chosen = selection.get(term.package);
  const inRange = chosen !== undefined && term.matching.includes(chosen);
  return term.positive ? inRange : !inRange;
}

/** An incompatibility is sound when no consistent selection makes all its terms true. */
export function violatingSelection(
  problem: Problem,
  incompatibility: IncompatibilityView,
): Selection | null {
  for (const selection of allSelections(problem)) {
    if (!isConsistent(problem, selection)) continue;
    if (incompatibility.terms.every((t) => termHolds(t, selection))) return new Map(selection);
  }
  return null;
}

/** Every incompatibility a step stream introduces, by id. */
export function incompatibilitiesIn(
  steps: readonly SolverStep[],
): Map<number, IncompatibilityView> {
  const out = new Map<number, IncompatibilityView>();
  for (const step of steps) {
    if (step.type === 'incompatibility' || step.type === 'learned' || step.type === 'resolution') {
      out.set(step.incompatibility.id, step.incompatibility);
    }
  }
  return out;
}

/** pub's caret upper bound: the next major, or for 0.x the next minor (so ^0.0.32 is <0.1.0). */
function nextBreaking(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 0 ? `${major + 1}.0.0` : `0.${minor + 1}.0`;
}

/**
 * Rewrites a pub report in Wheelhouse's wording: `^1.0.0` becomes `>=1.0.0,<2.0.0` (pub's caret,
 * where `^0.0.32` ends at 0.1.0), `>=a <b` becomes `>=a,<b`, `foo any` becomes `foo`, and an
 * exact `foo 1.0.0` becomes `foo ==1.0.0` ("myapp is 0.0.0" stays).
 */
export function toPep440Wording(message: string): string {
  return message
    .replace(/\^(\d+\.\d+\.\d+)/g, (_, v: string) => `>=${v},<${nextBreaking(v)}`)
    .replace(/([<>]=?\d[\w.-]*) ([<>]=?\d)/g, '$1,$2')
    .replace(/\b(?!match\b)([a-z][a-z0-9_-]*) any\b/g, '$1')
    .replace(/\b(?!is\b)([a-z][a-z0-9_-]*) (\d+\.\d+\.\d+)\b/g, '$1 ==$2');
}
