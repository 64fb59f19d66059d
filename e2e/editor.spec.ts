import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  cell,
  editorText,
  focusEditor,
  output,
  playgroundUrl,
  pythonReady,
  replaceCode,
  runFinished,
} from './helpers';

const RUFF_WASM = /ruff_wasm_bg-[\w-]+\.wasm$/;
/** The first marker from Ruff waits for its wasm to download and compile (slow on a busy CI). */
const FIRST_LINT = { timeout: 60_000 };

function playground(page: Page): Locator {
  return page.getByRole('region', { name: 'Playground code' });
}

/** Opens Monaco's problem list (F8) at the next marker and returns it. */
async function nextProblem(region: Locator): Promise<Locator> {
  await region.page().keyboard.press('F8');
  const widget = region.locator('.marker-widget');
  await expect(widget).toBeVisible();
  return widget;
}

test('Ruff loads only once a Python editor is worked in', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/playground');
  const region = playground(page);
  await expect(region.locator('.monaco-editor')).toBeVisible();
  await pythonReady(page);
  expect(requested.filter((url) => RUFF_WASM.test(url))).toEqual([]);
  const wasm = page.waitForRequest(RUFF_WASM);
  await focusEditor(region);
  await wasm;
});

test('an unused import gets a Ruff marker with its code, and its fix removes it', async ({
  page,
}) => {
  await page.goto('/playground');
  const region = playground(page);
  await replaceCode(region, 'import os\nprint("hi")\n');
  await expect(region.locator('.squiggly-warning')).toHaveCount(1, FIRST_LINT);
  await page.keyboard.press('ControlOrMeta+Home');
  const problem = await nextProblem(region);
  await expect(problem).toContainText('`os` imported but unused');
  await expect(problem).toContainText('ruff(F401)');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+.');
  const fix = page.getByRole('option', { name: /Fix: Remove unused import: `os`/ });
  await fix.click();
  await expect.poll(() => editorText(region)).toBe('print("hi")\n');
  await expect(region.locator('.squiggly-warning')).toHaveCount(0);
});

test('a syntax error is marked by Python before running, and cleared when fixed', async ({
  page,
}) => {
  await page.goto('/playground');
  await pythonReady(page);
  const region = playground(page);
  await replaceCode(region, 'if True\n    print("yes")\n');
  await expect(region.locator('.squiggly-error')).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Home');
  const problem = await nextProblem(region);
  await expect(problem).toContainText("SyntaxError: expected ':'");
  await expect(problem).toContainText('python-syntax');
  // Nothing ran: Python compiled the code without running it.
  await expect(region.getByRole('log', { name: 'Output', includeHidden: true })).toBeEmpty();
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await page.keyboard.type(':');
  await expect(region.locator('.squiggly-error')).toHaveCount(0);
});

test('a traceback marks the failing line of the right cell until the code is edited', async ({
  page,
}) => {
  await page.goto('/lessons/welcome/cells-and-output');
  const failing = cell(page, 5);
  await failing.getByRole('button', { name: 'Run' }).click();
  await runFinished(failing);
  await expect(output(failing)).toContainText('ZeroDivisionError: division by zero');
  await expect(failing.locator('.squiggly-error')).toHaveCount(1);
  const previous = cell(page, 4);
  await expect(previous.locator('.monaco-editor')).toBeVisible();
  await expect(previous.locator('.squiggly-error')).toHaveCount(0);
  await focusEditor(failing);
  await page.keyboard.press('ControlOrMeta+Home');
  const problem = await nextProblem(failing);
  await expect(problem).toContainText('ZeroDivisionError: division by zero');
  // Monaco names the marker's position: the failing line is line 2 (`return sum(...)`).
  await expect(failing.getByRole('tooltip', { name: /division by zero at 2:5\.$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n');
  await expect(failing.locator('.squiggly-error')).toHaveCount(0);
});

test('Format applies Ruff formatting, and leaves code that does not parse alone', async ({
  page,
}) => {
  await page.goto(playgroundUrl('x=1\nprint( x )'));
  const region = playground(page);
  await region.getByRole('button', { name: 'Format' }).click();
  await expect.poll(() => editorText(region), FIRST_LINT).toBe('x = 1\nprint(x)\n');
  await replaceCode(region, 'x = = 1');
  await region.getByRole('button', { name: 'Format' }).click();
  await expect(region.getByText(/Not formatted: .*Fix the syntax first\./)).toBeVisible();
  await expect.poll(() => editorText(region)).toBe('x = = 1');
});
