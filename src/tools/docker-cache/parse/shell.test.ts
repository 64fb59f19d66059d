import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flagsOf, parseShell, positionalArgs } from './shell';

describe('parseShell', () => {
  it('splits commands across operators and drops assignments, comments and redirections', () => {
    const script = parseShell(
      'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y curl > /dev/null 2>&1; echo "a && b" # note',
    );
    expect(script.commands.map((c) => [c.name, ...c.args])).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'curl'],
      ['echo', 'a && b'],
    ]);
    expect(script.commands[1]?.assignments).toEqual(['DEBIAN_FRONTEND=noninteractive']);
    expect(script.hasPipe).toBe(false);
  });

  it('finds pipes but not `||`', () => {
    expect(parseShell('wget -O - x | tar xz').hasPipe).toBe(true);
    expect(parseShell('a || b').hasPipe).toBe(false);
  });

  it('reads commands inside $(...), backticks and if/then', () => {
    const names = parseShell('if [ -f x ]; then echo $(cat x); fi; v=`uname`').commands.map(
      (c) => c.name,
    );
    expect(names).toEqual(['[', 'cat', 'echo', 'uname']);
  });

  it('reports flags the way hadolint does', () => {
    const [cmd] = parseShell(
      'apt-get install -qy --no-install-recommends -t bookworm curl',
    ).commands;
    expect(cmd && flagsOf(cmd)).toEqual(['q', 'y', 'no-install-recommends', 't']);
    expect(cmd && positionalArgs(cmd, ['t'])).toEqual(['install', 'curl']);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(Array.isArray(parseShell(text).commands)).toBe(true);
      }),
    );
  });
});
