/** `RUN --mount=...` options (BuildKit's convert_runmount.go), parsed and checked. */
import type { MountSpec, MountType } from '../model';

const mountTypes: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];

const aliases: Record<string, string> = {
  dst: 'target',
  destination: 'target',
  src: 'source',
  ro: 'readonly',
  rw: 'readwrite',
};

/** Comma-separated `key=value` fields; double quotes protect commas (Go's encoding/csv). */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function isMountType(value: string): value is MountType {
  return (mountTypes as readonly string[]).includes(value);
}

export function parseMount(
  value: string,
): { ok: true; mount: MountSpec } | { ok: false; error: string } {
  const options: Record<string, string> = {};
  let type: MountType = 'bind';
  for (const field of csvFields(value)) {
    if (field.trim() === '') continue;
    const eq = field.indexOf('=');
    const rawKey = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
    const key = aliases[rawKey] ?? rawKey;
    const optionValue = eq === -1 ? 'true' : field.slice(eq + 1);
    if (key === 'type') {
      const lowered = optionValue.toLowerCase();
      if (!isMountType(lowered)) return { ok: false, error: `unknown mount type "${optionValue}"` };
      type = lowered;
    } else {
      options[key] = optionValue;
    }
  }
  if ((type === 'bind' || type === 'cache' || type === 'tmpfs') && !options['target']) {
    return { ok: false, error: `a ${type} mount needs target=<path>` };
  }
  return { ok: true, mount: { type, options } };
}
