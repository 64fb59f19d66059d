/** Sentences for the parts of a cache key that differ between two builds. */
import type { KeyParts } from '../build/plan';

export function strip(cmd: string | undefined): string {
  return (cmd ?? '').replace(/^#\(nop\) /, '');
}

export function commandChange(old: string, now: string): string {
  const parse = (s: string): string[] => {
    try {
      const value: unknown = JSON.parse(s);
      return Array.isArray(value) ? value.map(String) : [];
    } catch {
      return [];
    }
  };
  const a = parse(old);
  const b = parse(now);
  if (a.length > 1 && a.length === b.length && a[a.length - 1] === b[b.length - 1]) {
    return 'SHELL changed, so the command runs under a different shell';
  }
  return 'the command text changed (the cache compares the text, not what it does)';
}

function pairs(text: string): Map<string, string> {
  return new Map(
    text
      .split(' ')
      .filter((p) => p.includes('='))
      .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
}

export function argChanges(old: string, now: string): string[] {
  const a = pairs(old);
  const b = pairs(now);
  const names = [...new Set([...a.keys(), ...b.keys()])].filter((n) => a.get(n) !== b.get(n));
  return names.map(
    (n) =>
      `build arg ${n} changed (${a.get(n) ?? '(unset)'} → ${b.get(n) ?? '(unset)'}); the classic builder adds build args to the RUN it looks up`,
  );
}

export function envChanges(old: KeyParts, now: KeyParts): string[] {
  const a = new Map(old.env.map((e) => [e.name, e]));
  const out: string[] = [];
  for (const entry of now.env) {
    const before = a.get(entry.name);
    if (before?.value === entry.value) continue;
    const what = entry.from === 'arg' ? `build arg ${entry.name}` : `ENV ${entry.name}`;
    const values = `(${before?.value ?? '(unset)'} → ${entry.value})`;
    out.push(
      entry.from === 'arg'
        ? `${what} changed ${values}; every RUN after ARG ${entry.name} sees it, even one that never uses it`
        : `${what} changed ${values}, and RUN sees the whole environment`,
    );
  }
  for (const name of a.keys()) {
    if (!now.env.some((e) => e.name === name)) out.push(`${name} is no longer in the environment`);
  }
  const order = (env: KeyParts['env']) => env.map((e) => `${e.name}=${e.value}`).join('\n');
  if (out.length === 0 && order(old.env) !== order(now.env)) {
    out.push(
      'ENV/ARG lines were reordered; the environment is an ordered list, so the key changed',
    );
  }
  return out;
}

export function inputChange(key: string): string {
  if (key.startsWith('heredoc:')) return `the heredoc ${key.slice(8)} changed`;
  if (/^(https?:|git@)/.test(key)) return `the content served at ${key} changed`;
  const colon = key.indexOf(':');
  return `the files copied from ${key.slice(0, colon)} (${key.slice(colon + 1)}) changed, because that stage re-ran`;
}
