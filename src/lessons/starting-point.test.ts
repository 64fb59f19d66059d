import { describe, expect, it } from 'vitest';
import { orderPacks } from './path';
import type { PackProgress } from './progress-model';
import { emptyProgress } from './progress.svelte';
import { startingPoint, type StartingPoint } from './starting-point';
import { lesson, packLoad } from './test-packs';

const ordered = orderPacks([
  packLoad('resolver', [lesson('sat', ['brute-force']), lesson('pubgrub')]),
  packLoad('welcome', [lesson('intro'), lesson('checks', ['slugify', 'receipt'])]),
  packLoad('mine', [lesson('extra', ['bonus'])], { kind: 'file', name: 'mine.json' }),
]);

function progressOf(packs: Record<string, Partial<PackProgress>>) {
  return (id: string): PackProgress => ({ ...emptyProgress(id), ...packs[id] });
}

const passed = (at: string) => ({ passed: true, passedAt: at, hints: 0 });

/** "welcome/checks -> exercise welcome/checks/receipt" */
function summary(point: StartingPoint | undefined): string {
  if (!point) return 'nothing';
  if (point.kind === 'new')
    return `start at ${point.first.pack.manifest.id}/${point.first.lesson.id}`;
  const last = point.last ? `${point.last.pack.manifest.id}/${point.last.lesson.id}` : 'none';
  const next = point.next
    ? `${point.next.kind} ${point.next.stop.pack.manifest.id}/${point.next.stop.lesson.id}${
        point.next.kind === 'exercise' ? `/${point.next.exercise.id}` : ''
      }`
    : 'none';
  return `${last} -> ${next}`;
}

describe('startingPoint', () => {
  it('sends a new learner to the first lesson of the path', () => {
    expect(summary(startingPoint(ordered, progressOf({})))).toBe('start at welcome/intro');
    expect(startingPoint(orderPacks([]), progressOf({}))).toBeUndefined();
  });

  it('sends a returning learner back to the last lesson and on to the next exercise', () => {
    const progress = progressOf({
      welcome: {
        lastLesson: 'checks',
        lastVisitedAt: '2026-01-02T10:00:00Z',
        visited: ['intro', 'checks'],
        exercises: { 'checks/slugify': passed('2026-01-02T10:05:00Z') },
      },
    });
    expect(summary(startingPoint(ordered, progress))).toBe(
      'welcome/checks -> exercise welcome/checks/receipt',
    );
  });

  it('takes the pack opened most recently, and looks for exercises along the path', () => {
    const progress = progressOf({
      welcome: {
        lastLesson: 'checks',
        lastVisitedAt: '2026-01-01T10:00:00Z',
        visited: ['checks'],
        exercises: { 'checks/slugify': passed('x'), 'checks/receipt': passed('x') },
      },
      resolver: {
        lastLesson: 'pubgrub',
        lastVisitedAt: '2026-01-03T10:00:00Z',
        visited: ['pubgrub'],
      },
    });
    // Nothing left after resolver/pubgrub on the path but the opened pack's exercise.
    expect(summary(startingPoint(ordered, progress))).toBe(
      'resolver/pubgrub -> exercise mine/extra/bonus',
    );
  });

  it('comes back round to exercises skipped earlier, then to lessons not done', () => {
    const allPassed = {
      resolver: { exercises: { 'sat/brute-force': passed('x') } },
      mine: { exercises: { 'extra/bonus': passed('x') } },
    };
    const skipped = progressOf({
      ...allPassed,
      welcome: { lastLesson: 'intro', lastVisitedAt: 'x', visited: ['intro'] },
    });
    expect(summary(startingPoint(ordered, skipped))).toBe(
      'welcome/intro -> exercise welcome/checks/slugify',
    );
    const exercisesDone = progressOf({
      ...allPassed,
      welcome: {
        lastLesson: 'checks',
        lastVisitedAt: 'x',
        visited: ['checks'],
        exercises: { 'checks/slugify': passed('x'), 'checks/receipt': passed('x') },
      },
    });
    expect(summary(startingPoint(ordered, exercisesDone))).toBe(
      'welcome/checks -> lesson resolver/pubgrub',
    );
  });

  it('uses the newest pass or save for progress kept before visits had a time', () => {
    const progress = progressOf({
      welcome: { lastLesson: 'intro', visited: ['intro'] },
      resolver: {
        lastLesson: 'sat',
        visited: ['sat'],
        code: { 'sat/cell-1': { code: 'x', base: 'y', savedAt: '2026-01-01T00:00:00Z' } },
      },
    });
    expect(summary(startingPoint(ordered, progress))).toBe(
      'resolver/sat -> exercise resolver/sat/brute-force',
    );
  });
});
