/** Prints why each skipped test was skipped: a skip must never pass silently. */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasons implements Reporter {
  #lines: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason =
      test.annotations.find((annotation) => annotation.type === 'skip')?.description ??
      'no reason given';
    const project = test.parent.project()?.name ?? '';
    this.#lines.push(`  skipped [${project}] ${test.title}: ${reason}`);
  }

  onEnd(): void {
    if (this.#lines.length) console.log(`\nSkipped tests and why:\n${this.#lines.join('\n')}`);
  }
}
