import { describe, expect, it } from 'vitest';
import { formatIssue } from './parse-pack';
import { prerequisiteIssues } from './prerequisites';

const manifest = (id: string, after: string[]) =>
  [`id: ${id}`, 'title: T', 'after:', ...after.map((item) => `  - ${item}`), 'lessons: [a]'].join(
    '\n',
  );

describe('prerequisiteIssues', () => {
  it('accepts built-in packs and packs checked together', () => {
    const packs = [
      { id: 'mine', manifest: manifest('mine', ['welcome', 'other']) },
      { id: 'other', manifest: manifest('other', ['welcome']) },
    ];
    expect(prerequisiteIssues(packs, ['welcome', 'docker'])).toEqual([]);
  });

  it('names the file, line and field of an unknown id, with a suggestion when one is close', () => {
    const packs = [
      { id: 'mine', manifest: manifest('mine', ['docker', 'welcom', 'numpy-tricks']) },
    ];
    expect(prerequisiteIssues(packs, ['welcome', 'docker']).map(formatIssue)).toEqual([
      'mine/pack.yaml:5 (after.1): unknown pack "welcom" (did you mean "welcome"?)',
      'mine/pack.yaml:6 (after.2): unknown pack "numpy-tricks": name a built-in pack or one checked in the same command (docker, welcome)',
    ]);
  });

  it('refuses a pack that comes after itself, directly or through others', () => {
    const packs = [
      { id: 'a', manifest: manifest('a', ['a']) },
      { id: 'b', manifest: manifest('b', ['c']) },
      { id: 'c', manifest: manifest('c', ['welcome', 'b']) },
    ];
    expect(prerequisiteIssues(packs, ['welcome']).map(formatIssue)).toEqual([
      'a/pack.yaml:4 (after.0): a pack cannot come after itself',
      'b/pack.yaml:4 (after.0): "c" makes a circle (b after c after b): none of them can come first',
      'c/pack.yaml:5 (after.1): "b" makes a circle (c after b after c): none of them can come first',
    ]);
  });

  it('leaves manifests it cannot read to the manifest checks', () => {
    const packs = [
      { id: 'x', manifest: undefined },
      { id: 'y', manifest: 'id: y\nafter: [unclosed' },
      { id: 'z', manifest: 'id: z\nafter: welcome' },
    ];
    expect(prerequisiteIssues(packs, [])).toEqual([]);
  });
});
