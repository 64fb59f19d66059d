import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packId } from './model';
import { parsePack } from './parse-pack';
import { LEARNING_PATH, neighbours, orderPacks } from './path';
import { brokenLoad, lesson, packLoad } from './test-packs';

const opened = { kind: 'url', url: 'https://example.org/pack.json' } as const;

describe('the learning path', () => {
  const builtin = readdirSync('lessons').map((folder) => {
    const files = Object.fromEntries(
      readdirSync(`lessons/${folder}`).map((name) => [
        name,
        readFileSync(`lessons/${folder}/${name}`, 'utf8'),
      ]),
    );
    // Only the manifests matter here: the lessons' widget fences need no widget table.
    return parsePack(files, folder, new Map());
  });

  it('has every built-in pack on it, each after the packs it names in after', () => {
    for (const { id, pack } of builtin) {
      expect(LEARNING_PATH, `lessons/${id} is not on the path (src/lessons/path.ts)`).toContain(id);
      for (const before of pack?.manifest.after ?? []) {
        expect(LEARNING_PATH.indexOf(before), `${id} comes after ${before}`).toBeLessThan(
          LEARNING_PATH.indexOf(id),
        );
      }
    }
  });
});

describe('orderPacks', () => {
  it('puts built-in packs in path order, skipping absent ones, and opened packs after', () => {
    const loads = [
      packLoad('docker', [lesson('a')]),
      packLoad('mine', [lesson('a')], opened),
      packLoad('resolver', [lesson('a')]),
      packLoad('zzz-unlisted', [lesson('a')]),
      brokenLoad('welcome'),
    ];
    const ordered = orderPacks(loads);
    expect(ordered.path.map(packId)).toEqual(['welcome', 'resolver', 'docker', 'zzz-unlisted']);
    expect(ordered.opened.map(packId)).toEqual(['mine']);
  });
});

describe('neighbours', () => {
  const loads = [
    packLoad('docker', [lesson('layers'), lesson('stages')]),
    packLoad('welcome', [lesson('intro'), lesson('checks')]),
    brokenLoad('packaging'),
    packLoad('resolver', [lesson('sat')]),
    packLoad('mine', [lesson('one'), lesson('two')], opened),
  ];
  const ids = (stop?: { pack: { manifest: { id: string } }; lesson: { id: string } }) =>
    stop && `${stop.pack.manifest.id}/${stop.lesson.id}`;

  it('crosses into the next pack on the path at the end of one, skipping broken packs', () => {
    const around = (pack: string, id: string) => {
      const { previous, next } = neighbours(loads, pack, id);
      return [ids(previous), ids(next)];
    };
    expect(around('welcome', 'intro')).toEqual([undefined, 'welcome/checks']);
    expect(around('welcome', 'checks')).toEqual(['welcome/intro', 'resolver/sat']);
    expect(around('resolver', 'sat')).toEqual(['welcome/checks', 'docker/layers']);
    expect(around('docker', 'stages')).toEqual(['docker/layers', undefined]);
  });

  it("keeps an opened pack's lessons to themselves", () => {
    expect(ids(neighbours(loads, 'mine', 'one').previous)).toBeUndefined();
    expect(ids(neighbours(loads, 'mine', 'two').next)).toBeUndefined();
    expect(ids(neighbours(loads, 'mine', 'one').next)).toBe('mine/two');
  });

  it('knows nothing around a lesson that does not exist', () => {
    expect(neighbours(loads, 'welcome', 'nope')).toEqual({});
  });
});
