import { describe, expect, it } from 'vitest';
import { formatLockFile, replayPartialSolution } from '..';
import { inProcessEngine, type LabEngine } from './engine';
import { ResolverLab } from './lab-state.svelte';
import { findPreset } from './presets';
import type { LabOutcome } from './protocol';

const text = (name: string) => findPreset(name)?.text ?? '';

async function resolved(name: string): Promise<ResolverLab> {
  const lab = new ResolverLab(text(name), inProcessEngine);
  await lab.resolve();
  return lab;
}

describe('ResolverLab: resolve and step', () => {
  it('steps forward and back through the trace, reproducing each partial solution', async () => {
    const lab = await resolved('conflict-resolution');
    const stepper = lab.stepper!;
    const steps = lab.resolved!.result.steps;
    const replayed = replayPartialSolution(steps);
    expect(stepper.index).toBe(0);
    for (let i = 0; i < steps.length; i++) {
      expect(stepper.partialSolution).toEqual(replayed[i]);
      stepper.forward();
    }
    expect(stepper.atEnd).toBe(true);
    for (let i = steps.length - 1; i >= 0; i--) {
      expect(stepper.partialSolution).toEqual(replayed[i]);
      stepper.back();
    }
    expect(stepper.atStart).toBe(true);
  });

  it('names each step, announces it, and shows the incompatibility it is about', async () => {
    const stepper = (await resolved('conflict-resolution')).stepper!;
    expect(stepper.announcement).toBe(`Step 1 of ${stepper.count}: Add fact #1: root is 1.0.0.`);
    expect(stepper.seek(['conflict'], 1)).toBe(true);
    expect(stepper.words?.label).toBe('Conflict');
    expect(stepper.focus?.text).toBe('every version of bar depends on foo >=1.0.0,<2.0.0');
    expect(stepper.seek(['backjump'], 1)).toBe(true);
    expect(stepper.words?.title).toBe('Backjump from level 2 to level 1');
    // The backjump undoes the decision of level 2 and what it implied.
    expect(stepper.undone.map((a) => a.term.text)).toEqual(['foo ==2.0.0', 'bar >=1.0.0,<2.0.0']);
    expect(stepper.seek(['learned'], 1)).toBe(true);
    expect(stepper.learnedSoFar.map((inc) => inc.text)).toEqual(['foo >=2.0.0 is forbidden']);
    stepper.first();
    expect(stepper.learnedSoFar).toEqual([]);
    expect(stepper.seek(['conflict'], -1)).toBe(false);
    stepper.last();
    expect(stepper.words?.title).toBe('Solution: 1 package');
    stepper.goTo(1e9);
    expect(stepper.index).toBe(stepper.count - 1);
  });

  it('compares with the naive search on the same text', async () => {
    const lab = await resolved('naive-explodes');
    expect(lab.resolved?.result.ok).toBe(true);
    expect(lab.naivePhase).toBe('done');
    expect(lab.naive?.ok).toBe(true);
    expect(lab.naive?.stepCount).toBeGreaterThan(10_000);
    expect(lab.naive?.trace.length).toBeLessThanOrEqual(402);
  });

  it('writes the lock file for a solution, and nothing for a failure', async () => {
    const lab = await resolved('diamond');
    expect(lab.lockText).toBeNull();
    lab.lock();
    const { problem, result } = lab.resolved!;
    expect(result.ok).toBe(true);
    expect(lab.lockText).toBe(formatLockFile(problem, result.ok ? result.solution : {}));
    expect(lab.lockText).toMatch(/^a==1\.0\.0 \\\n {4}--hash=sha256:[0-9a-f]{64}$/m);
    expect(lab.tab).toBe('lock');

    const failing = await resolved('linear-failure');
    failing.lock();
    expect(failing.lockText).toBeNull();
    expect(failing.resolved?.result.ok).toBe(false);
  });
});

describe('ResolverLab: text and errors', () => {
  it('marks a syntax mistake on its line as the learner types', () => {
    const lab = new ResolverLab('root -> a\na 1.0.0 -> b>=>2\n', inProcessEngine);
    expect(lab.markers).toEqual([
      expect.objectContaining({ source: 'resolver', severity: 'error', line: 2 }),
    ]);
    lab.text = 'root -> a\na 1.0.0\n';
    expect(lab.markers).toEqual([]);
  });

  it('places problems only the resolver sees on the package line, until the text changes', async () => {
    const lab = new ResolverLab('root -> a\nb 1.0.0\na 1.0 1.0.0\n', inProcessEngine);
    expect(lab.markers).toEqual([]);
    await lab.resolve();
    expect(lab.phase).toBe('invalid');
    expect(lab.markers).toEqual([
      expect.objectContaining({ line: 3, message: 'a lists version 1.0.0 twice (PEP 440 equal)' }),
    ]);
    lab.text = 'root -> a\nb 1.0.0\na 1.0.0\n';
    expect(lab.markers).toEqual([]);
  });

  it('says when the text changed since the results, and resets to the original', async () => {
    const lab = await resolved('no-conflicts');
    expect(lab.stale).toBe(false);
    lab.text += 'baz 1.0.0\n';
    expect(lab.stale).toBe(true);
    expect(lab.changed).toBe(true);
    lab.reset();
    expect(lab.text).toBe(text('no-conflicts'));
    expect(lab.stale).toBe(false);
    lab.load(text('diamond'));
    expect(lab.resolved).toBeNull();
    expect(lab.changed).toBe(false);
  });

  it('keeps only the newest Resolve when an older one finishes later', async () => {
    const pending: Array<() => void> = [];
    const slow: LabEngine = {
      ...inProcessEngine,
      resolve: (text, signal) =>
        new Promise<LabOutcome>((resolve) => {
          pending.push(() => void inProcessEngine.resolve(text, signal).then(resolve));
        }),
    };
    const lab = new ResolverLab(text('no-conflicts'), slow);
    const first = lab.resolve();
    lab.text = text('diamond');
    const second = lab.resolve();
    pending[1]?.();
    await second;
    pending[0]?.();
    await first;
    expect(lab.resolved?.text).toBe(text('diamond'));
    expect(Object.keys(lab.resolved?.result.ok ? lab.resolved.result.solution : {})).toContain('c');
  });

  it('reports an engine failure instead of results', async () => {
    const broken: LabEngine = {
      ...inProcessEngine,
      resolve: () => Promise.reject(new Error('worker crashed')),
    };
    const lab = new ResolverLab(text('diamond'), broken);
    await lab.resolve();
    expect(lab.phase).toBe('error');
    expect(lab.error).toBe('PubGrub failed: worker crashed');
    expect(lab.stepper).toBeNull();
  });
});
