import { describe, expect, it } from 'vitest';
import { findWidget } from '../lessons/widgets/registry';
import { LAB_WIDGETS } from './lab-widgets';
import { labs } from './labs';

describe('LAB_WIDGETS', () => {
  it('names a registered lesson fence for every lab', () => {
    expect(Object.keys(LAB_WIDGETS).sort()).toEqual(labs.map((lab) => lab.name).sort());
    for (const widget of Object.values(LAB_WIDGETS))
      expect(findWidget(widget), widget).toBeDefined();
  });
});
