import { describe, expect, it } from 'vitest';
import { solve, type SolverStep } from '..';
import {
  buildProofTree,
  lineFor,
  linkLines,
  readerLineNumbers,
  type ProofNode,
} from './derivation-tree';
import { findPreset } from './presets';
import { readProblemText } from './read-text';

function stepsOf(name: string): SolverStep[] {
  const read = readProblemText(findPreset(name)?.text ?? '');
  if (!read.ok) throw new Error(name);
  return solve(read.problem).steps;
}

function lines(node: ProofNode, depth = 0): string[] {
  const mark = node.repeat ? ' (again)' : '';
  return [
    `${'  '.repeat(depth)}${node.kind}: ${node.text}${mark}`,
    ...node.children.flatMap((child) => lines(child, depth + 1)),
  ];
}

describe('the derivation tree of a failure', () => {
  it('puts the conclusion on top and facts of the index at the leaves', () => {
    const tree = buildProofTree(stepsOf('linear-failure'));
    expect(tree && lines(tree.root)).toEqual([
      'derived: version solving failed',
      '  derived: baz >=3.0.0,<4.0.0 is required',
      '    derived: every version of foo requires baz >=3.0.0,<4.0.0',
      '      dependency: every version of foo depends on bar >=2.0.0,<3.0.0',
      '      dependency: every version of bar depends on baz >=3.0.0,<4.0.0',
      '    dependency: root depends on foo >=1.0.0,<2.0.0',
      '  dependency: root depends on baz >=1.0.0,<2.0.0',
    ]);
    expect(tree?.truncated).toBe(false);
  });

  it('is absent for a solution, and cut at its limit when huge', () => {
    expect(buildProofTree(stepsOf('diamond'))).toBeNull();
    const cut = buildProofTree(stepsOf('branching-failure'), 4);
    expect(cut).toMatchObject({ size: 4, truncated: true });
  });

  it('links every node to the explanation line that states or uses it', () => {
    const steps = stepsOf('branching-failure');
    const failure = steps.at(-1);
    if (failure?.type !== 'failure') throw new Error('expected a failure');
    const links = linkLines(failure.lines);
    const tree = buildProofTree(steps)!;
    const visit = (node: ProofNode): void => {
      const line = lineFor(links, node.id);
      expect(line, node.text).not.toBeNull();
      node.children.forEach(visit);
    };
    visit(tree.root);
    // "foo <1.1.0 is forbidden" is stated on line (1) and used by the line that says "(1)".
    const forbidden = [...links].find(([, link]) => {
      const stated = link.stated === null ? undefined : failure.lines[link.stated];
      return stated?.number === 1;
    });
    expect(forbidden?.[1].cited.map((index) => failure.lines[index]?.text)).toEqual([
      '    And because foo <1.1.0 is forbidden (1), foo is forbidden.',
    ]);
    expect(lineFor(links, tree.root.id)).toBe(failure.lines.length - 1);
    // A reader does not count the blank line between the two branches.
    expect(readerLineNumbers(failure.lines)).toEqual([1, 2, null, 3, 4, 5, 6]);
  });
});
