import type { Incompatibility } from './incompatibility';
import { intersectTerms, relation, term, type Relation, type Term } from './term';
import { exactly } from './version-set';

export interface Assignment {
  /** Position in the assignment list. */
  readonly index: number;
  readonly level: number;
  readonly term: Term;
  /** The incompatibility it was derived from; null for a decision. */
  readonly cause: Incompatibility | null;
  /** The chosen version's rank, for a decision. */
  readonly version: number | null;
}

/**
 * The solver's current guess: an ordered list of decisions and derivations. Alongside the list it
 * keeps, per package, the intersection of that package's assignments (pub's `_positive` and
 * `_negative` maps, whose insertion order is the order candidates are considered in) and the
 * package's own assignments, so that `satisfier` never scans other packages' assignments.
 */
export class PartialSolution {
  readonly #assignments: Assignment[] = [];
  readonly #byPackage = new Map<string, Assignment[]>();
  readonly #positive = new Map<string, Term>();
  readonly #negative = new Map<string, Term>();
  /**
   * `#positive` minus decided packages, in the same order: decision making reads it every time,
   * and scanning all positive packages instead made large problems quadratic.
   */
  readonly #undecided = new Map<string, Term>();
  readonly #decisions = new Map<string, number>();
  #attempts = 1;
  #backtracking = false;

  get decisionLevel(): number {
    return this.#decisions.size;
  }

  /** Distinct solutions tried: a decision right after a backjump starts a new one. */
  get attempts(): number {
    return this.#attempts;
  }

  get assignments(): readonly Assignment[] {
    return this.#assignments;
  }

  /** Decided versions by package, in the order they were decided. */
  get decisions(): ReadonlyMap<string, number> {
    return this.#decisions;
  }

  decide(name: string, rank: number): Assignment {
    if (this.#backtracking) this.#attempts++;
    this.#backtracking = false;
    this.#decisions.set(name, rank);
    return this.#assign(term(name, true, exactly(rank)), null, rank);
  }

  derive(t: Term, cause: Incompatibility): Assignment {
    return this.#assign(t, cause, null);
  }

  #assign(t: Term, cause: Incompatibility | null, version: number | null): Assignment {
    const a: Assignment = {
      index: this.#assignments.length,
      level: this.decisionLevel,
      term: t,
      cause,
      version,
    };
    this.#assignments.push(a);
    const own = this.#byPackage.get(t.name);
    if (own) own.push(a);
    else this.#byPackage.set(t.name, [a]);
    this.#register(a);
    return a;
  }

  #register(a: Assignment): void {
    const name = a.term.name;
    const positive = this.#positive.get(name);
    let combined: Term;
    if (positive) {
      combined = intersectTerms(positive, a.term);
    } else {
      const negative = this.#negative.get(name);
      combined = negative ? intersectTerms(a.term, negative) : a.term;
      if (!combined.positive) {
        this.#negative.set(name, combined);
        return;
      }
      this.#negative.delete(name);
    }
    // Updating an existing key keeps its place in the candidate order; a new key goes last.
    this.#positive.set(name, combined);
    if (this.#decisions.has(name)) this.#undecided.delete(name);
    else this.#undecided.set(name, combined);
  }

  /** Pops every assignment above `level`; returns them, oldest first. */
  backtrack(level: number): Assignment[] {
    this.#backtracking = true;
    const removed: Assignment[] = [];
    const touched = new Set<string>();
    for (let last = this.#assignments.at(-1); last && last.level > level;) {
      this.#assignments.pop();
      removed.push(last);
      touched.add(last.term.name);
      this.#byPackage.get(last.term.name)?.pop();
      if (last.cause === null) this.#decisions.delete(last.term.name);
      last = this.#assignments.at(-1);
    }
    // Touched packages are re-registered in assignment order, which moves them to the end of the
    // candidate order exactly as pub's rebuild from the whole list does.
    const replay: Assignment[] = [];
    for (const name of touched) {
      this.#positive.delete(name);
      this.#negative.delete(name);
      this.#undecided.delete(name);
      replay.push(...(this.#byPackage.get(name) ?? []));
    }
    replay.sort((a, b) => a.index - b.index);
    for (const a of replay) this.#register(a);
    return removed.reverse();
  }

  /** Packages with a positive assignment and no decision yet, in candidate order. */
  undecided(): IterableIterator<Term> {
    return this.#undecided.values();
  }

  /** The current intersection of a package's assignments, if it has any. */
  termFor(name: string): Term | undefined {
    return this.#positive.get(name) ?? this.#negative.get(name);
  }

  relation(t: Term): Relation {
    const current = this.termFor(t.name);
    return current ? relation(current, t) : 'overlapping';
  }

  satisfies(t: Term): boolean {
    return this.relation(t) === 'subset';
  }

  /** The earliest assignment such that it and the ones before it satisfy `t`. */
  satisfier(t: Term): Assignment {
    let acc: Term | undefined;
    for (const a of this.#byPackage.get(t.name) ?? []) {
      acc = acc ? intersectTerms(acc, a.term) : a.term;
      if (relation(acc, t) === 'subset') return a;
    }
    throw new Error(`[bug] ${t.name} is not satisfied by the partial solution`);
  }
}
