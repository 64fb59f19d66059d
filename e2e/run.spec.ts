import { expect, test } from '@playwright/test';
import {
  editorText,
  focusEditor,
  output,
  playgroundUrl,
  pythonReady,
  replaceCode,
  runFinished,
} from './helpers';

test('runs code from a share link and streams its output', async ({ page }) => {
  await page.goto(playgroundUrl('import sys\nprint("hi")\nprint("oops", file=sys.stderr)'));
  // Run is pressed before Python is ready: the run waits for it.
  await page.getByRole('button', { name: 'Run' }).click();
  const log = output(page);
  await expect(log).toContainText('hi');
  await expect(log.locator('.stderr')).toHaveText('oops\n');
  await expect(page.getByRole('status')).toContainText(/Python 3\.13\.\d+ ready/);
});

test('Ctrl+Enter runs the cell and the last expression is shown', async ({ page }) => {
  await page.goto(playgroundUrl('6 * 7'));
  await pythonReady(page);
  await focusEditor(page.getByRole('region', { name: 'Playground code' }));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page)).toHaveText('42');
});

test('a traceback is trimmed to the learner code and its line is marked', async ({ page }) => {
  const code = 'def average(values):\n    return sum(values) / len(values)\n\naverage([])';
  await page.goto(playgroundUrl(code));
  await page.getByRole('button', { name: 'Run' }).click();
  const log = output(page);
  await expect(log).toContainText('ZeroDivisionError: division by zero');
  await expect(log).toContainText('File "<playground>", line 4, in <module>');
  await expect(log).toContainText('File "<playground>", line 2, in average');
  await expect(log).not.toContainText('wheelhouse_runner');
  await expect(log).not.toContainText('_pyodide');
  const region = page.getByRole('region', { name: 'Playground code' });
  await expect(region.locator('[data-error-line="2"]')).toBeVisible();
  await expect(region.locator('.wh-error-line')).toHaveCount(1);
  // Editing the code clears the mark.
  await replaceCode(region, 'print("fixed")');
  await expect(region.locator('.wh-error-line')).toHaveCount(0);
});

test('Reset puts the original code back', async ({ page }) => {
  await page.goto(playgroundUrl('print(1)'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await replaceCode(region, 'print(2)');
  await expect.poll(() => editorText(region)).toBe('print(2)');
  await region.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => editorText(region)).toBe('print(1)');
  await expect(region.getByRole('button', { name: 'Reset' })).toBeDisabled();
});

test('share link round-trip', async ({ page, context }) => {
  // The projects grant clipboard permissions (playwright.config.ts).
  await page.goto('/playground');
  const region = page.getByRole('region', { name: 'Playground code' });
  const code = 'message = "héllo, wörld ✓"\nprint(message.upper())';
  await replaceCode(region, code);
  await region.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/playground#code=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  const shared = other.getByRole('region', { name: 'Playground code' });
  await shared.getByRole('button', { name: 'Run' }).click();
  await expect(output(other)).toHaveText('HÉLLO, WÖRLD ✓');
  await runFinished(shared);
  await focusEditor(shared);
  await expect.poll(() => editorText(shared)).toBe(code);
});
