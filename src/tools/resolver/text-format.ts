/**
 * A compact text form of resolver problems, for typing them into the lab.
 *
 *     # Everything after "#" is a comment; blank lines are ignored.
 *     root myapp 1.0.0 -> foo>=1.0, bar     # the root: name, version, requirements in order
 *     root -> foo>=1.0                      # short form: the root is "root" 1.0.0
 *     foo 1.0.0 -> bar>=1.0,<2.0, baz       # a version of foo and its dependencies
 *     foo 1.1.0 2.0.0 -> baz ~=1.4          # several versions with the same dependencies
 *     bar 1.0.0 2.0.0                       # versions without dependencies
 *     qux                                   # a package that exists but has no versions
 *
 * A requirement is a package name and an optional PEP 440 specifier set, with or without a space
 * between them (`bar`, `bar>=1.0`, `bar >=1.0,<2.0`). Requirements are separated by commas; a comma
 * followed by an operator (`<`, `>`, `=`, `!`, `~`) continues the previous specifier instead.
 * The root line has one word before `->` (short form) or three (`root NAME VERSION`); a package
 * line has a name and then versions, so a package may itself be called "root" (`root 1.0.0 -> x`).
 * Exactly one root line is required. Errors carry the 1-based line number.
 */
import { isPackageName } from './names';
import { parseVersion } from './pep440';
import { parseSpecifier, SpecifierSyntaxError } from './specifier';
import type { Problem } from './problem-schema';

export class ProblemTextError extends Error {
  override name = 'ProblemTextError';
  readonly line: number;

  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

const requirementPattern = /^([A-Z0-9](?:[A-Z0-9._-]*[A-Z0-9])?)\s*(.*)$/i;
const DEFAULT_ROOT = { name: 'root', version: '1.0.0' };

function parseRequirements(text: string, line: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (text.trim() === '') return out;
  const items: string[] = [];
  for (const piece of text.split(',').map((p) => p.trim())) {
    const last = items.length - 1;
    if (/^[<>=!~]/.test(piece) && last >= 0) items[last] += `,${piece}`;
    else items.push(piece);
  }
  for (const item of items) {
    const match = requirementPattern.exec(item);
    const name = match?.[1];
    if (!match || name === undefined) {
      throw new ProblemTextError(line, `expected a requirement like "bar>=1.0", got "${item}"`);
    }
    const spec = (match[2] ?? '').trim();
    try {
      parseSpecifier(spec);
    } catch (error) {
      if (!(error instanceof SpecifierSyntaxError)) throw error;
      throw new ProblemTextError(line, `${name}: ${error.message}`);
    }
    if (name in out) throw new ProblemTextError(line, `${name} is required twice`);
    out[name] = spec;
  }
  return out;
}

function checkVersion(version: string, pkg: string, line: number): void {
  if (!parseVersion(version)) {
    throw new ProblemTextError(line, `${pkg}: "${version}" is not a PEP 440 version`);
  }
}

export function parseProblemText(source: string): Problem {
  let root: { name: string; version: string } | null = null;
  let requires: Record<string, string> = {};
  const index: Problem['index'] = {};
  for (const [i, raw] of source.split(/\r?\n/).entries()) {
    const line = i + 1;
    const content = raw.replace(/#.*$/, '').trim();
    if (content === '') continue;
    const arrow = content.indexOf('->');
    const head = (arrow === -1 ? content : content.slice(0, arrow)).trim().split(/\s+/);
    const deps = arrow === -1 ? null : content.slice(arrow + 2);
    const [first = '', ...rest] = head;
    if (first === 'root' && (rest.length === 0 || rest.length === 2)) {
      if (root) throw new ProblemTextError(line, 'a second root line');
      const [name = DEFAULT_ROOT.name, version = DEFAULT_ROOT.version] = rest;
      if (!isPackageName(name)) throw new ProblemTextError(line, `"${name}" is not a package name`);
      checkVersion(version, name, line);
      root = { name, version };
      requires = parseRequirements(deps ?? '', line);
      continue;
    }
    if (!isPackageName(first)) throw new ProblemTextError(line, `"${first}" is not a package name`);
    if (rest.length === 0 && deps !== null) {
      throw new ProblemTextError(line, `expected a version of ${first} before "->"`);
    }
    const versions = (index[first] ??= {});
    const parsedDeps = parseRequirements(deps ?? '', line);
    for (const version of rest) {
      checkVersion(version, first, line);
      if (version in versions)
        throw new ProblemTextError(line, `${first} ${version} is listed twice`);
      versions[version] = { ...parsedDeps };
    }
  }
  if (!root) throw new ProblemTextError(1, 'no root line (e.g. "root myapp 1.0.0 -> foo>=1.0")');
  return { root, requires, index };
}

function requirementsText(deps: Readonly<Record<string, string>>): string {
  return Object.entries(deps)
    .map(([name, spec]) => `${name}${spec}`)
    .join(', ');
}

/** The text form of a problem; `parseProblemText` reads it back to the same problem. */
export function formatProblemText(problem: Problem): string {
  const { root, requires, index } = problem;
  const head =
    root.name === DEFAULT_ROOT.name && root.version === DEFAULT_ROOT.version
      ? 'root'
      : `root ${root.name} ${root.version}`;
  const reqs = requirementsText(requires);
  const lines = [reqs === '' ? head : `${head} -> ${reqs}`];
  for (const [name, versions] of Object.entries(index)) {
    const entries = Object.entries(versions);
    if (entries.length === 0) lines.push(name);
    // Neighbouring versions with the same dependencies share a line.
    for (let i = 0; i < entries.length;) {
      const deps = requirementsText(entries[i]?.[1] ?? {});
      const group: string[] = [];
      for (; i < entries.length && requirementsText(entries[i]?.[1] ?? {}) === deps; i++) {
        group.push(entries[i]?.[0] ?? '');
      }
      lines.push(
        deps === '' ? `${name} ${group.join(' ')}` : `${name} ${group.join(' ')} -> ${deps}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
