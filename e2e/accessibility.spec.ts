/**
 * axe-core finds nothing on the start page, a lesson with exercises, a lesson with cells, the
 * playground and each lab, scanned once they have loaded: editors, Python, and what the labs
 * show after a resolve or a build. A finding fails the test with a readable list: the rule,
 * what it asks for, and each element with axe's advice.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cell, focusEditor, output, runFinished } from './helpers';

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

function readable(violations: Violations): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map(
        (node) =>
          `  ${node.target.join(' ')}\n    ${node.html.slice(0, 160)}\n    ${(node.failureSummary ?? '').replace(/\n\s*/g, ' ')}`,
      );
      return `${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`;
    })
    .join('\n\n');
}

async function editorsAndPython(page: Page): Promise<void> {
  await expect(page.locator('main .monaco-editor').first()).toBeVisible();
  await expect(page.getByRole('banner').getByRole('status')).toContainText('ready', {
    timeout: 60_000,
  });
}

const PAGES: Array<{ path: string; loaded(page: Page): Promise<void> }> = [
  {
    path: '/',
    loaded: async (page) => {
      await expect(page.getByRole('heading', { name: 'Lesson packs' })).toBeVisible();
    },
  },
  {
    path: '/lessons/welcome/exercises-and-checks',
    loaded: async (page) => {
      await editorsAndPython(page);
      // A failed check, a hint and the results list are part of what learners see.
      const exercise = page.getByRole('region', { name: /^Exercise: / }).first();
      await exercise.getByRole('button', { name: 'Check' }).click();
      await expect(exercise.getByRole('list', { name: 'Check results' })).toBeVisible();
      await exercise.getByRole('button', { name: /^Hint/ }).click();
      await expect(exercise.getByRole('list', { name: 'Hints' })).toBeVisible();
    },
  },
  {
    path: '/lessons/welcome/cells-and-output',
    loaded: async (page) => {
      await editorsAndPython(page);
      // The first cell defines what the second prints.
      for (const number of [1, 2]) {
        const region = cell(page, number);
        await focusEditor(region);
        await region.getByRole('button', { name: 'Run' }).click();
        await runFinished(region);
      }
      await expect(output(cell(page, 2))).not.toBeEmpty();
    },
  },
  {
    path: '/playground',
    loaded: async (page) => {
      await editorsAndPython(page);
      await page.getByRole('button', { name: 'Run' }).click();
      await expect(output(page)).not.toBeEmpty();
    },
  },
  {
    path: '/labs/resolver',
    loaded: async (page) => {
      await editorsAndPython(page);
      await expect(page.getByRole('tablist', { name: 'Views of the outcome' })).toBeVisible();
    },
  },
  {
    path: '/labs/docker-cache',
    loaded: async (page) => {
      await editorsAndPython(page);
      await page.getByRole('button', { name: 'Build', exact: true }).click();
      await expect(page.getByText('Build 1 with the BuildKit')).toBeVisible();
    },
  },
];

for (const { path, loaded } of PAGES) {
  test(`${path} has no accessibility violations (axe-core)`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await loaded(page);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(readable(violations)).toBe('');
  });
}
