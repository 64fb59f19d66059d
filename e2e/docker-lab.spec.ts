import { expect, test, type Locator, type Page } from '@playwright/test';
import { replaceCode } from './helpers';

/** A layer of the last build in the timeline, by (part of) its instruction. */
function layer(page: Page, instruction: string): Locator {
  return page
    .locator('li[data-status]')
    .filter({ has: page.getByRole('button', { name: instruction }) });
}

async function editContextFile(page: Page, path: string, text: string): Promise<void> {
  const context = page.getByRole('region', { name: 'Build context' });
  await context.getByRole('button', { name: path, exact: true }).click();
  await replaceCode(context, text);
}

test('build, edit a file, rebuild; the SBX001 fix keeps the install cached', async ({ page }) => {
  await page.goto('/labs/docker-cache');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Docker layer-cache lab' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page.getByText('Build 1 with the BuildKit')).toBeVisible();
  await expect(layer(page, 'RUN pip install')).toHaveAttribute('data-status', 'miss');

  await editContextFile(page, 'app/main.py', 'print("version 2")\n');
  await expect(page.getByText('Changed since build 1: app/main.py.')).toBeVisible();
  await page.getByRole('button', { name: 'Rebuild', exact: true }).click();

  await expect(page.getByText('Build 2 with the BuildKit')).toBeVisible();
  await expect(layer(page, 'FROM python:3.12-slim')).toHaveAttribute('data-status', 'hit');
  await expect(layer(page, 'WORKDIR /app')).toHaveAttribute('data-status', 'hit');
  await expect(layer(page, 'COPY . .')).toHaveAttribute('data-status', 'miss');
  await expect(layer(page, 'RUN pip install')).toHaveAttribute('data-status', 'miss');
  await expect(layer(page, 'CMD [')).toHaveAttribute('data-status', 'meta');
  await expect(page.getByText(/^The cache broke at line 3, COPY \. \.:/)).toBeVisible();
  await expect(
    page.getByText('Build 2: 2 hits, 2 misses; the cache broke at line 3, COPY . .', {
      exact: true,
    }),
  ).toHaveAttribute('aria-live', 'polite');

  // The reason is the step's description, and keyboard focus shows it.
  const copyStep = layer(page, 'COPY . .').getByRole('button');
  await expect(copyStep).toHaveAccessibleDescription(
    'miss: app/main.py changed and COPY . . reads it',
  );
  const reason = layer(page, 'COPY . .').getByText('miss: app/main.py changed');
  await expect(reason).toBeHidden();
  await layer(page, 'WORKDIR /app').getByRole('button').focus();
  await page.keyboard.press('Tab');
  await expect(copyStep).toBeFocused();
  await expect(reason).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reason).toBeHidden();

  const sbx001 = page.getByRole('listitem').filter({ hasText: 'SBX001' });
  await sbx001.getByRole('button', { name: /^Apply fix/ }).click();
  await expect(sbx001).toHaveCount(0);
  await page.getByRole('button', { name: 'Rebuild', exact: true }).click();
  await expect(layer(page, 'COPY requirements.txt ./')).toHaveAttribute('data-status', 'miss');

  await editContextFile(page, 'app/main.py', 'print("version 3")\n');
  await page.getByRole('button', { name: 'Rebuild', exact: true }).click();
  await expect(page.getByText('Build 4 with the BuildKit')).toBeVisible();
  await expect(layer(page, 'COPY requirements.txt ./')).toHaveAttribute('data-status', 'hit');
  await expect(layer(page, 'RUN pip install')).toHaveAttribute('data-status', 'hit');
  await expect(layer(page, 'COPY . .')).toHaveAttribute('data-status', 'miss');
  await expect(layer(page, 'RUN pip install').getByRole('button')).toHaveAccessibleDescription(
    /^hit: /,
  );
});

test("a lint finding's fix applies from the Dockerfile editor's quick fixes", async ({ page }) => {
  await page.goto('/labs/docker-cache');
  const sbx006 = page.getByRole('listitem').filter({ hasText: 'SBX006' });
  await expect(sbx006).toHaveCount(1);

  await page.getByRole('textbox', { name: 'Dockerfile (loading the editor)' }).click();
  const editor = page
    .locator('.monaco-editor')
    .filter({ has: page.getByRole('textbox', { name: 'Dockerfile', exact: true }) });
  await expect(editor.locator('.squiggly-info').first()).toBeVisible();
  const install = editor.locator('.view-line').filter({ hasText: 'pip install' });
  await install.click();
  await page.keyboard.press('ControlOrMeta+.');
  await page.getByRole('option', { name: /^Fix: add a cache mount/ }).click();

  await expect(install).toHaveText(
    'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
  );
  await expect(sbx006).toHaveCount(0);
});

test('multi-stage builds show stages as lanes, and which ones ran', async ({ page }) => {
  await page.goto('/labs/docker-cache');
  await page.getByLabel('Start from').selectOption('multi-stage');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await page.getByRole('button', { name: 'Edit src/shop/api.py' }).click();
  await page.getByRole('button', { name: 'Rebuild', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Stage builder from the cache' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stage test not built' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Stage runtime ran' })).toBeVisible();
  await expect(layer(page, 'RUN pytest')).toHaveCount(0);
  await expect(layer(page, 'python -m pytest')).toHaveAttribute('data-status', 'skipped');
  await expect(layer(page, 'COPY src/ ./')).toHaveAttribute('data-status', 'miss');

  await page.getByRole('radio', { name: /Classic/ }).check();
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Stage test ran' })).toBeVisible();
});
