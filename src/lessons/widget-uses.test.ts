import { describe, expect, it } from 'vitest';
import type { Block } from './model';
import { lesson, packLoad } from './test-packs';
import { lessonsUsing } from './widget-uses';

const lab = (widget: string): Block => ({
  kind: 'widget',
  line: 1,
  widget,
  id: 'lab',
  attributes: {},
  body: '',
});

function withBlocks(id: string, blocks: Block[]) {
  return { ...lesson(id), blocks };
}

describe('lessonsUsing', () => {
  it('lists the lessons with that widget along the path, with how many they have', () => {
    const loads = [
      packLoad('resolver', [
        withBlocks('hard', [lab('resolver-lab')]),
        withBlocks('none', [lab('docker-lab')]),
        withBlocks('steps', [lab('resolver-lab'), lab('resolver-lab')]),
      ]),
      packLoad('mine', [withBlocks('mine', [lab('resolver-lab')])], { kind: 'file', name: 'x' }),
      packLoad('welcome', [withBlocks('intro', [lab('resolver-lab')])]),
    ];
    expect(
      lessonsUsing(loads, 'resolver-lab').map(
        ({ pack, lesson, count }) => `${pack.manifest.id}/${lesson.id} ${count}`,
      ),
    ).toEqual(['welcome/intro 1', 'resolver/hard 1', 'resolver/steps 2', 'mine/mine 1']);
    expect(lessonsUsing(loads, 'profiler')).toEqual([]);
  });
});
