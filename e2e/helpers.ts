import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';
import { servedNamesIn } from '../scripts/vite/content-names';
import { PYODIDE_PATH } from '../src/runtime/shared/pyodide-version';

export function isolated(testInfo: TestInfo): boolean {
  return testInfo.project.name === 'isolated';
}

export function playgroundUrl(code: string): string {
  return `/playground#code=${Buffer.from(code, 'utf8').toString('base64url')}`;
}

export function output(scope: Page | Locator): Locator {
  return scope.getByRole('log', { name: 'Output' });
}

export function cell(page: Page, number: number): Locator {
  return page.getByRole('region', { name: `Python cell ${number}` });
}

export async function pythonReady(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toContainText('ready', { timeout: 60_000 });
}

/** Puts the keyboard in a cell's editor (Monaco loads once the cell is in view). */
export async function focusEditor(scope: Locator): Promise<void> {
  await scope.scrollIntoViewIfNeeded();
  const lines = scope.locator('.monaco-editor .view-lines');
  await expect(lines).toBeVisible();
  await lines.click();
}

/**
 * Replaces the code in a cell's Monaco editor the way a learner would: select all, paste.
 * (Typing would re-indent each new line; a paste keeps the text as it is.) The projects
 * grant clipboard permissions in playwright.config.ts.
 */
export async function replaceCode(scope: Locator, code: string): Promise<void> {
  await focusEditor(scope);
  const page = scope.page();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+V');
}

/** The text Monaco shows (enough for short snippets, which fit on screen). */
export async function editorText(scope: Locator): Promise<string> {
  const lines = await scope.locator('.monaco-editor .view-line').allInnerTexts();
  return lines.map((line) => line.replace(/\u00a0/g, ' ')).join('\n');
}

/** Waits until a cell's run has ended (Stop disabled again). */
export async function runFinished(scope: Locator): Promise<void> {
  await expect(scope.getByRole('button', { name: 'Stop' })).toBeDisabled({ timeout: 60_000 });
}

/** Where the build under test serves its lock file (its name is made from its content). */
export function lockFilePath(): string {
  const runtimeDir = path.resolve(process.env.WHEELHOUSE_E2E_OUT_DIR ?? 'dist', PYODIDE_PATH);
  return `/${PYODIDE_PATH}${servedNamesIn(runtimeDir).lockFile}`;
}
