import type { Describer } from './describe';
import type { DerivedCause, Incompatibility } from './incompatibility';
import type { ReportLine } from './steps';

interface Line {
  readonly text: string;
  readonly number: number | null;
  readonly states: Incompatibility | null;
  readonly cites: readonly Incompatibility[];
}

/**
 * Writes the proof that the root cannot be selected, following pub's algorithm (solver.md "Error
 * reporting", failure.dart): walk the derivation graph from the terminal incompatibility, collapse
 * linear chains, number the lines that are referred to later, and connect with "Because", "And
 * because", "So," and "Thus,".
 */
class ReportWriter {
  readonly #root: Incompatibility;
  readonly #describer: Describer;
  /** How many times each incompatibility is used as a cause in the graph (pub's `_derivations`). */
  readonly #uses = new Map<Incompatibility, number>();
  readonly #lines: Line[] = [];
  readonly #lineNumbers = new Map<Incompatibility, number>();

  constructor(root: Incompatibility, describer: Describer) {
    this.#root = root;
    this.#describer = describer;
    this.#countUses(root);
  }

  #countUses(inc: Incompatibility): void {
    // Iterative, so that a long chain of derivations cannot overflow the stack.
    const stack = [inc];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const seen = this.#uses.get(next);
      this.#uses.set(next, (seen ?? 0) + 1);
      const cause = next.derived;
      if (seen === undefined && cause) stack.push(cause.other, cause.conflict);
    }
  }

  write(): ReportLine[] {
    if (this.#root.derived) this.#visit(this.#root);
    else this.#write(this.#root, `Because ${this.#text(this.#root)}, version solving failed.`, []);
    const numbers = [...this.#lineNumbers.values()];
    const last = numbers.at(-1);
    const padding = last === undefined ? 0 : `(${last}) `.length;
    const out: ReportLine[] = [];
    let lastWasEmpty = false;
    for (const line of this.#lines) {
      if (line.text === '') {
        if (!lastWasEmpty) out.push({ text: '', number: null, incompatibility: null, cites: [] });
        lastWasEmpty = true;
        continue;
      }
      lastWasEmpty = false;
      const gutter = line.number === null ? '' : `(${line.number})`;
      out.push({
        text: gutter.padEnd(padding) + line.text,
        number: line.number,
        incompatibility: line.states?.id ?? null,
        cites: line.cites.map((inc) => inc.id),
      });
    }
    return out;
  }

  #text(inc: Incompatibility): string {
    return this.#describer.describe(inc);
  }

  /** One line stating `inc`, citing the incompatibilities its "because" clause rests on. */
  #write(
    inc: Incompatibility,
    text: string,
    cites: readonly Incompatibility[],
    numbered = false,
  ): void {
    let number: number | null = null;
    if (numbered) {
      number = this.#lineNumbers.size + 1;
      this.#lineNumbers.set(inc, number);
    }
    this.#lines.push({ text, number, states: inc, cites });
  }

  #visit(inc: Incompatibility, conclusion = false): void {
    const cause = inc.derived;
    if (!cause) return;
    const numbered = conclusion || (this.#uses.get(inc) ?? 0) > 1;
    const conjunction = conclusion || inc === this.#root ? 'So,' : 'And';
    const text = this.#text(inc);
    const { conflict, other } = cause;
    const d = this.#describer;

    if (conflict.derived && other.derived) {
      const conflictLine = this.#lineNumbers.get(conflict);
      const otherLine = this.#lineNumbers.get(other);
      if (conflictLine !== undefined && otherLine !== undefined) {
        this.#write(
          inc,
          `Because ${d.and(conflict, other, conflictLine, otherLine)}, ${text}.`,
          [conflict, other],
          numbered,
        );
      } else if (conflictLine !== undefined || otherLine !== undefined) {
        const [withLine, withoutLine, line] =
          conflictLine !== undefined
            ? [conflict, other, conflictLine]
            : [other, conflict, otherLine ?? 0];
        this.#visit(withoutLine);
        this.#write(
          inc,
          `${conjunction} because ${this.#text(withLine)} (${line}), ${text}.`,
          [withoutLine, withLine],
          numbered,
        );
      } else if (isSingleLine(conflict.derived) || isSingleLine(other.derived)) {
        // Write the complex one first, then the simple one, then conclude.
        const [first, second] = isSingleLine(other.derived) ? [conflict, other] : [other, conflict];
        this.#visit(first);
        this.#visit(second);
        this.#write(inc, `Thus, ${text}.`, [first, second], numbered);
      } else {
        this.#visit(conflict, true);
        this.#lines.push({ text: '', number: null, states: null, cites: [] });
        this.#visit(other);
        const line = this.#lineNumbers.get(conflict) ?? 0;
        this.#write(
          inc,
          `${conjunction} because ${this.#text(conflict)} (${line}), ${text}.`,
          [other, conflict],
          numbered,
        );
      }
      return;
    }

    if (conflict.derived || other.derived) {
      const [derived, external] = conflict.derived ? [conflict, other] : [other, conflict];
      const derivedLine = this.#lineNumbers.get(derived);
      const derivedCause = derived.derived;
      if (derivedLine !== undefined) {
        this.#write(
          inc,
          `Because ${d.and(external, derived, undefined, derivedLine)}, ${text}.`,
          [external, derived],
          numbered,
        );
      } else if (derivedCause && this.#isCollapsible(derived, derivedCause)) {
        const [collapsedDerived, collapsedExternal] = derivedCause.conflict.derived
          ? [derivedCause.conflict, derivedCause.other]
          : [derivedCause.other, derivedCause.conflict];
        this.#visit(collapsedDerived);
        this.#write(
          inc,
          `${conjunction} because ${d.and(collapsedExternal, external)}, ${text}.`,
          // The skipped step is folded into this line.
          [collapsedDerived, derived, collapsedExternal, external],
          numbered,
        );
      } else {
        this.#visit(derived);
        this.#write(
          inc,
          `${conjunction} because ${this.#text(external)}, ${text}.`,
          [derived, external],
          numbered,
        );
      }
      return;
    }

    this.#write(inc, `Because ${d.and(conflict, other)}, ${text}.`, [conflict, other], numbered);
  }

  /** A derivation used once, from one derived and one external cause, may be skipped in writing. */
  #isCollapsible(inc: Incompatibility, cause: DerivedCause): boolean {
    if ((this.#uses.get(inc) ?? 0) > 1) return false;
    const conflictDerived = cause.conflict.derived !== null;
    const otherDerived = cause.other.derived !== null;
    if (conflictDerived === otherDerived) return false;
    const complex = conflictDerived ? cause.conflict : cause.other;
    return !this.#lineNumbers.has(complex);
  }
}

/** Derived directly from two external facts, so it fits on one line. */
function isSingleLine(cause: DerivedCause): boolean {
  return !cause.conflict.derived && !cause.other.derived;
}

/** The report line by line, each with the incompatibility it states and those it cites. */
export function writeReportLines(terminal: Incompatibility, describer: Describer): ReportLine[] {
  return new ReportWriter(terminal, describer).write();
}

export function joinReport(lines: readonly ReportLine[]): string {
  return lines.map((line) => line.text).join('\n');
}
