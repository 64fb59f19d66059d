/**
 * The proof of a failure as a tree: the terminal incompatibility at the top, each derived one
 * above its two causes, facts from the index at the leaves (pubgrub.md §10.1). The graph is a
 * DAG; a sub-proof used twice is drawn once and referred to the second time.
 */
import type { IncompatibilityKind, ReportLine, SolverStep } from '..';
import { incompatibilitiesIn } from './trace';

export interface ProofNode {
  readonly id: number;
  readonly text: string;
  readonly kind: IncompatibilityKind;
  /** Already drawn above (a shared sub-proof): its causes are not repeated. */
  readonly repeat: boolean;
  readonly children: readonly ProofNode[];
}

export interface ProofTree {
  readonly root: ProofNode;
  /** Nodes drawn (a huge proof is cut at the limit). */
  readonly size: number;
  readonly truncated: boolean;
}

export const PROOF_NODE_LIMIT = 300;

export function buildProofTree(
  steps: readonly SolverStep[],
  limit = PROOF_NODE_LIMIT,
): ProofTree | null {
  const failure = steps.at(-1);
  if (failure?.type !== 'failure') return null;
  const lookup = incompatibilitiesIn(steps);
  const drawn = new Set<number>();
  let size = 0;
  let truncated = false;

  const node = (id: number): ProofNode | null => {
    const view = lookup.get(id);
    if (!view) return null;
    if (size >= limit) {
      truncated = true;
      return null;
    }
    size++;
    const repeat = drawn.has(id);
    drawn.add(id);
    const children =
      repeat || !view.causes
        ? []
        : view.causes.flatMap((cause) => {
            const child = node(cause);
            return child ? [child] : [];
          });
    return { id, text: view.text, kind: view.kind, repeat, children };
  };

  const root = node(failure.incompatibility);
  return root ? { root, size, truncated } : null;
}

export interface LineLinks {
  /** The explanation line (0-based) that concludes the incompatibility, if one does. */
  readonly stated: number | null;
  /** Lines whose "because" rests on it. */
  readonly cited: readonly number[];
}

/** For every incompatibility in the explanation: where it is stated and where it is cited. */
export function linkLines(lines: readonly ReportLine[]): Map<number, LineLinks> {
  const links = new Map<number, { stated: number | null; cited: number[] }>();
  const entry = (id: number) => {
    let found = links.get(id);
    if (!found) {
      found = { stated: null, cited: [] };
      links.set(id, found);
    }
    return found;
  };
  lines.forEach((line, index) => {
    if (line.incompatibility !== null) entry(line.incompatibility).stated = index;
    for (const id of line.cites) entry(id).cited.push(index);
  });
  return links;
}

/** The line to show for an incompatibility: where it is stated, else where it is first used. */
export function lineFor(links: ReadonlyMap<number, LineLinks>, id: number): number | null {
  const found = links.get(id);
  return found ? (found.stated ?? found.cited[0] ?? null) : null;
}

/** Line numbers as a reader counts them: blank separator lines do not count. */
export function readerLineNumbers(lines: readonly ReportLine[]): (number | null)[] {
  let count = 0;
  return lines.map((line) => (line.text === '' ? null : ++count));
}
