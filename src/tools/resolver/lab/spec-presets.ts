/** The worked examples of pubgrub.md and pub's tests, as lab presets in the text form. */
import type { ResolverPreset } from './presets';

export const lines = (...text: string[]) => `${text.join('\n')}\n`;

export const specPresets = [
  {
    name: 'no-conflicts',
    title: 'No conflicts',
    summary: 'Propagation and two decisions: the newest versions that fit just work.',
    text: lines(
      '# pubgrub.md: "no conflicts"',
      'root -> foo>=1.0.0,<2.0.0',
      'foo 1.0.0 -> bar>=1.0.0,<2.0.0',
      'bar 1.0.0 2.0.0',
    ),
  },
  {
    name: 'avoiding-conflict',
    title: 'Avoiding a conflict while deciding',
    summary: 'foo 1.1.0 would need bar 2, which the root forbids, so it is never decided.',
    text: lines(
      '# pubgrub.md: "avoiding conflict during decision making"',
      'root -> foo>=1.0.0,<2.0.0, bar>=1.0.0,<2.0.0',
      'foo 1.0.0',
      'foo 1.1.0 -> bar>=2.0.0,<3.0.0',
      'bar 1.0.0 1.1.0 2.0.0',
    ),
  },
  {
    name: 'conflict-resolution',
    title: 'Learning from a conflict',
    summary: 'foo 2.0.0 leads to a conflict; PubGrub learns "foo >=2.0.0 is forbidden".',
    text: lines(
      '# pubgrub.md: "performing conflict resolution"',
      'root -> foo>=1.0.0',
      'foo 1.0.0',
      'foo 2.0.0 -> bar>=1.0.0,<2.0.0',
      'bar 1.0.0 -> foo>=1.0.0,<2.0.0',
    ),
  },
  {
    name: 'long-backjump',
    title: 'A backjump over several levels',
    summary:
      'A conflict at level 5 whose causes were all settled at level 1: PubGrub jumps straight back there.',
    text: lines(
      '# pubgrub.md: "conflict resolution with a partial satisfier" (pub merges shared 1.0.0',
      '# into shared <2.0.0, which then makes the term true on its own)',
      'root -> foo>=1.0.0,<2.0.0, target>=2.0.0,<3.0.0',
      'foo 1.0.0',
      'foo 1.1.0 -> left>=1.0.0,<2.0.0, right>=1.0.0,<2.0.0',
      'left 1.0.0 -> shared>=1.0.0',
      'right 1.0.0 -> shared<2.0.0',
      'shared 1.0.0 -> target>=1.0.0,<2.0.0',
      'shared 2.0.0',
      'target 1.0.0 2.0.0',
    ),
  },
  {
    name: 'partial-satisfier',
    title: 'Conflict resolution with a partial satisfier',
    summary:
      'a needs x >=1.0.0 and b needs x <2.0.0: only together do they pin x, so resolution has to look at both.',
    text: lines(
      '# pub: "backjumps after a partial satisfier"',
      'root myapp 0.0.0 -> c, y>=2.0.0,<3.0.0',
      'a 1.0.0 -> x>=1.0.0',
      'b 1.0.0 -> x<2.0.0',
      'c 1.0.0',
      'c 2.0.0 -> a, b',
      'x 0.0.0',
      'x 1.0.0 -> y==1.0.0',
      'x 2.0.0',
      'y 1.0.0 2.0.0',
    ),
  },
  {
    name: 'linear-failure',
    title: 'A failure with a linear explanation',
    summary: 'foo needs bar, bar needs a baz the root does not allow: one chain of reasons.',
    text: lines(
      '# pubgrub.md: "linear error reporting"',
      'root -> foo>=1.0.0,<2.0.0, baz>=1.0.0,<2.0.0',
      'foo 1.0.0 -> bar>=2.0.0,<3.0.0',
      'bar 2.0.0 -> baz>=3.0.0,<4.0.0',
      'baz 1.0.0 3.0.0',
    ),
  },
  {
    name: 'branching-failure',
    title: 'A failure with a branching explanation',
    summary: 'Both versions of foo fail for different reasons; line (1) is used twice.',
    text: lines(
      '# pubgrub.md: "branching error reporting"',
      'root -> foo>=1.0.0,<2.0.0',
      'foo 1.0.0 -> a>=1.0.0,<2.0.0, b>=1.0.0,<2.0.0',
      'foo 1.1.0 -> x>=1.0.0,<2.0.0, y>=1.0.0,<2.0.0',
      'a 1.0.0 -> b>=2.0.0,<3.0.0',
      'b 1.0.0 2.0.0',
      'x 1.0.0 -> y>=2.0.0,<3.0.0',
      'y 1.0.0 2.0.0',
    ),
  },
  {
    name: 'diamond',
    title: 'A diamond',
    summary: 'a and b both need c; the newest b needs a c no version of a accepts.',
    text: lines(
      '# pub: "diamond dependency graph"',
      'root myapp 0.0.0 -> a, b',
      'a 1.0.0',
      'a 2.0.0 -> c>=1.0.0,<2.0.0',
      'b 1.0.0 -> c>=2.0.0,<3.0.0',
      'b 2.0.0 -> c>=3.0.0,<4.0.0',
      'c 1.0.0 2.0.0 3.0.0',
    ),
  },
] as const satisfies readonly ResolverPreset[];
