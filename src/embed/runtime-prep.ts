/**
 * What must run in an interpreter before an embedded cell: the page's setup code (once) and
 * the packages cells name (once each). Both are queued ahead of the cell's own run, and both
 * run again in a new interpreter (after Stop without isolation, a crash, or Restart), because
 * everything they did went with the old one.
 */
import type { RunInput, RunOutcome, RuntimeClient } from '../runtime';
import installPackagesSource from './python/install_packages.py?raw';

/** The namespace cells share in one interpreter, and where the setup code runs. */
export const PAGE_SCOPE = 'page';
const PACKAGES_SCOPE = 'wheelhouse:packages';
const PACKAGES_FILE = 'wheelhouse-packages.json';

/** `null` when the step succeeded, else what to tell the learner. */
type StepResult = string | null;

export class RuntimePrep {
  readonly runtime: RuntimeClient;
  #setup: readonly string[];
  #generation: number | undefined;
  #steps = new Map<string, Promise<StepResult>>();

  constructor(runtime: RuntimeClient, setup: readonly string[]) {
    this.runtime = runtime;
    this.#setup = setup;
  }

  /**
   * Queues whatever this interpreter still needs (synchronously, so a run queued right after
   * comes after it) and resolves once it has run: `null`, or why it failed.
   */
  ensure(packages: readonly string[]): Promise<StepResult> {
    if (this.#generation !== this.runtime.generation) {
      this.#generation = this.runtime.generation;
      this.#steps.clear();
    }
    this.#setup.forEach((code, index) => {
      const key = `setup:${index}`;
      if (!this.#steps.has(key)) {
        const filename = `<setup${this.#setup.length > 1 ? ` ${index + 1}` : ''}>`;
        this.#steps.set(key, this.#step({ code, scope: PAGE_SCOPE, filename }, 'The setup code'));
      }
    });
    const missing = packages.filter((name) => !this.#steps.has(`package:${name}`));
    if (missing.length) {
      const install = this.#step(
        {
          code: installPackagesSource,
          scope: PACKAGES_SCOPE,
          filename: '<packages>',
          files: { [PACKAGES_FILE]: JSON.stringify(missing) },
        },
        `Installing ${missing.join(', ')}`,
      );
      for (const name of missing) this.#steps.set(`package:${name}`, install);
    }
    const wanted = [
      ...this.#setup.map((_, index) => `setup:${index}`),
      ...packages.map((name) => `package:${name}`),
    ];
    return Promise.all(wanted.map((key) => this.#steps.get(key)!)).then(
      (failures) => [...new Set(failures.filter((failure) => failure !== null))].join('\n') || null,
    );
  }

  #step(input: RunInput, what: string): Promise<StepResult> {
    // Its output is not the learner's: only a failure is shown, in the cell that needed it.
    const { done } = this.runtime.run(input, { onOutput: () => {} });
    return done.then((outcome) => describeFailure(outcome, what));
  }
}

export function describeFailure(
  { result, cancelled, reset }: RunOutcome,
  what: string,
): StepResult {
  if (result.ok) return null;
  if (cancelled || reset) return `${what} did not finish: Python was stopped or restarted.`;
  const { traceback, type, message } = result.error;
  return `${what} failed:\n${traceback || `${type}: ${message}\n`}`;
}
