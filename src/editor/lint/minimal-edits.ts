/**
 * The smallest line-wise edits that turn one text into another, so that formatting leaves
 * unchanged lines alone: the cursor, the selection and the scroll position stay where they were.
 */

/** Replace `text` between the offsets `start` and `end` of the old text. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** Above this many line pairs, one edit spans from the first to the last changed line. */
const MAX_TABLE = 1_000_000;

export function minimalEdits(before: string, after: string): OffsetEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const pairs =
    oldMiddle.length * newMiddle.length > MAX_TABLE
      ? [[0, 0, oldMiddle.length, newMiddle.length] as const]
      : changedRuns(oldMiddle, newMiddle);
  const oldStarts = lineStarts(a);
  const newStarts = lineStarts(b);
  return pairs.map(([oldFrom, newFrom, oldTo, newTo]) => ({
    start: oldStarts[head + oldFrom]!,
    end: oldStarts[head + oldTo]!,
    text: after.slice(newStarts[head + newFrom], newStarts[head + newTo]),
  }));
}

/** Lines with their line breaks, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The offset where each line starts, plus the text's length. */
function lineStarts(lines: readonly string[]): number[] {
  const starts = [0];
  for (const line of lines) starts.push(starts[starts.length - 1]! + line.length);
  return starts;
}

/** Runs of changed lines `[oldFrom, newFrom, oldTo, newTo]`, from a longest common subsequence. */
function changedRuns(a: readonly string[], b: readonly string[]) {
  const width = b.length + 1;
  // common[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] =
        a[i] === b[j]
          ? common[(i + 1) * width + j + 1]! + 1
          : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const runs: [number, number, number, number][] = [];
  let i = 0;
  let j = 0;
  let run: [number, number, number, number] | undefined;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      if (run) runs.push(run);
      run = undefined;
      i++;
      j++;
      continue;
    }
    run ??= [i, j, i, j];
    if (
      j < b.length &&
      (i === a.length || common[i * width + j + 1]! >= common[(i + 1) * width + j]!)
    )
      j++;
    else i++;
    run[2] = i;
    run[3] = j;
  }
  if (run) runs.push(run);
  return runs;
}
