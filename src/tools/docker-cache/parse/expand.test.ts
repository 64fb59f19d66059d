import { describe, expect, it } from 'vitest';
import { expand } from './expand';

const vars: Record<string, string> = { A: 'one', EMPTY: '', PATH: '/usr/bin' };
const lookup = (name: string) => vars[name];

describe('expand', () => {
  it.each([
    ['$A', 'one'],
    ['${A}', 'one'],
    ['x${A}y', 'xoney'],
    ['${MISSING:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${A:+alt}', 'alt'],
    ['${MISSING:+alt}', ''],
    ['${MISSING:-$A}', 'one'],
    ['\\$A', '$A'],
    ["'$A'", "'$A'"],
    ['/opt/venv/bin:$PATH', '/opt/venv/bin:/usr/bin'],
    ['$', '$'],
    ['${unclosed', '${unclosed'],
  ])('%s → %s', (text, value) => {
    expect(expand(text, lookup).value).toBe(value);
  });

  it('reports undefined names', () => {
    expect(expand('$PAHT and ${A}', lookup).undefinedNames).toEqual(['PAHT']);
    expect(expand('${X:-fine}', lookup).undefinedNames).toEqual([]);
  });

  it('honours a backtick escape character', () => {
    expect(expand('`$A', lookup, '`').value).toBe('$A');
  });
});
