/**
 * `$VAR` / `${VAR}` expansion as Dockerfile instructions do it (BuildKit's shell lexer, reduced to
 * what our instructions need): `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`,
 * `${VAR:?message}`, single quotes that stop expansion, and the escape character before `$`.
 * It also reports which names were read and which were undefined (UndefinedVar, explanations).
 */

export type Lookup = (name: string) => string | undefined;

export interface Expansion {
  value: string;
  used: string[];
  undefinedNames: string[];
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*/;

export function expand(text: string, lookup: Lookup, escapeChar = '\\'): Expansion {
  const used: string[] = [];
  const undefinedNames: string[] = [];
  const read = (name: string): string | undefined => {
    const value = lookup(name);
    used.push(name);
    if (value === undefined) undefinedNames.push(name);
    return value;
  };
  let out = '';
  let inSingle = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'" && !inSingle) {
      inSingle = text.indexOf("'", i + 1) !== -1;
      out += ch;
      continue;
    }
    if (ch === "'" && inSingle) {
      inSingle = false;
      out += ch;
      continue;
    }
    if (inSingle) {
      out += ch;
      continue;
    }
    if (ch === escapeChar && text.charAt(i + 1) === '$') {
      out += '$';
      i++;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (text.charAt(i + 1) === '{') {
      const close = findClose(text, i + 2);
      if (close === -1) {
        out += text.slice(i);
        break;
      }
      out += braced(text.slice(i + 2, close), read, lookup, escapeChar, used, undefinedNames);
      i = close;
      continue;
    }
    const name = namePattern.exec(text.slice(i + 1))?.[0];
    if (name === undefined) {
      out += ch;
      continue;
    }
    out += read(name) ?? '';
    i += name.length;
  }
  return { value: out, used, undefinedNames };
}

function findClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text.charAt(i) === '{') depth++;
    if (text.charAt(i) === '}' && --depth === 0) return i;
  }
  return -1;
}

function braced(
  inner: string,
  read: (name: string) => string | undefined,
  lookup: Lookup,
  escapeChar: string,
  used: string[],
  undefinedNames: string[],
): string {
  const name = namePattern.exec(inner)?.[0] ?? '';
  const operator = /^(:?[-+?])/.exec(inner.slice(name.length))?.[1];
  if (name === '' || (operator === undefined && inner.length !== name.length)) return '';
  if (operator === undefined) return read(name) ?? '';
  const value = lookup(name);
  used.push(name);
  const word = inner.slice(name.length + operator.length);
  const nested = () => {
    const sub = expand(word, lookup, escapeChar);
    used.push(...sub.used);
    undefinedNames.push(...sub.undefinedNames);
    return sub.value;
  };
  const set = operator.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
  switch (operator.replace(':', '')) {
    case '-':
      return set ? (value ?? '') : nested();
    case '+':
      return set ? nested() : '';
    default:
      return value ?? '';
  }
}
