/**
 * Words and attributes in a fence's info string or a container's opening line:
 * `python run id=greet title="Say hello" expect-error` gives
 * words ["python", "run", "expect-error"] and attributes {id: "greet", title: "Say hello"}.
 */

export interface ParsedInfo {
  words: string[];
  attributes: Record<string, string>;
}

const TOKEN = /([A-Za-z_][\w-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S+)|("(?:[^"\\]|\\.)*")|(\S+)/g;

export function parseInfo(info: string): ParsedInfo {
  const words: string[] = [];
  const attributes: Record<string, string> = {};
  for (const [, key, value, quoted, bare] of info.matchAll(TOKEN)) {
    if (key !== undefined && value !== undefined) attributes[key] = unquote(value);
    else words.push(unquote(quoted ?? bare ?? ''));
  }
  return { words, attributes };
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}
