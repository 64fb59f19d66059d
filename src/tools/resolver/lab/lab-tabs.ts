/** The lab's views, in tab order; a lesson block's `mode=` opens one of them first. */
export const labTabs = ['result', 'step', 'compare', 'lock'] as const;
export type LabTab = (typeof labTabs)[number];

export const tabTitles: Record<LabTab, string> = {
  result: 'Result',
  step: 'Step through',
  compare: 'Compare with naive',
  lock: 'Lock file',
};
