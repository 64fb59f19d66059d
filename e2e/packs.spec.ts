import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { output, runFinished } from './helpers';

/** A fixture folder bundled the way `npm run pack -- build` bundles it. */
function bundle(folder: string): string {
  const dir = path.join('e2e/fixtures', folder);
  const files = Object.fromEntries(
    readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
  return JSON.stringify({
    format: 'wheelhouse-pack',
    formatVersion: 1,
    id: folder,
    version: '1.0.0',
    files,
  });
}

test('a pack opened from /?pack=<url> appears in the catalogue and its lessons work', async ({
  page,
}) => {
  await page.route('https://packs.example.org/tiny-pack.json', (route) =>
    route.fulfill({
      body: bundle('tiny-pack'),
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
    }),
  );
  await page.goto('/?pack=https://packs.example.org/tiny-pack.json');
  await expect(
    page.getByRole('status').filter({ hasText: 'Opened "Tiny test pack" (2 lessons).' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  const card = page.getByRole('article', { name: 'Tiny test pack' });
  await expect(card).toContainText('opened from https://packs.example.org/tiny-pack.json');
  await card.getByRole('link', { name: 'Numbers' }).click();
  const exercise = page.getByRole('region', { name: 'Exercise: Add them up' });
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('list', { name: 'Check results' })).toContainText(
    'Failed: total returns the right values (2 cases)',
  );

  // Still there after a reload, straight from its lesson URL.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Numbers' })).toBeVisible();
  const cell = page.getByRole('region', { name: 'Exercise: Add them up' });
  await expect(cell).toBeVisible();
});

test('a broken pack dropped on the catalogue lists its problems; the other packs still load', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Pack file').setInputFiles({
    name: 'broken-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(bundle('broken-pack')),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'has 9 problem(s)' })).toBeVisible();
  const card = page.getByRole('article', { name: 'broken-pack' });
  await expect(card).toContainText('This pack has 9 problems and cannot be opened');
  await expect(card).toContainText(
    'broken-pack/pack.yaml:2 (titel): unknown field "titel" (did you mean "title"?)',
  );
  await expect(card).toContainText(
    'broken-pack/intro.md:25: the code block opened here (```) is never closed',
  );
  await expect(page.getByRole('article', { name: 'Welcome to Wheelhouse' })).toBeVisible();
  await card.getByRole('button', { name: 'Remove pack' }).click();
  await expect(card).toHaveCount(0);
});

test('a file that is not a pack is refused with a reason', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Pack file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.json' })).toContainText(
    'notes.json is not a built pack (format:',
  );
});

test('a project runs its entry file with the others beside it', async ({ page }) => {
  await page.route('https://packs.example.org/example-pack.json', async (route) => {
    const dir = 'docs/example-pack';
    const files = Object.fromEntries(
      readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
    );
    await route.fulfill({
      body: JSON.stringify({
        format: 'wheelhouse-pack',
        formatVersion: 1,
        id: 'example-pack',
        version: '1.0.0',
        files,
      }),
      headers: { 'access-control-allow-origin': '*' },
    });
  });
  await page.goto('/?pack=https://packs.example.org/example-pack.json');
  await page
    .getByRole('article', { name: 'Shipping a tiny library' })
    .getByRole('link', { name: 'Describing the package' })
    .click();
  const project = page.getByRole('region', { name: 'Project: Using the library' });
  await expect(project.getByRole('button', { name: /tinyver\/__init__\.py/ })).toBeVisible();
  await project.getByRole('button', { name: 'Run' }).click();
  await runFinished(project);
  await expect(output(project)).toHaveText("['1.2.0', '1.9.3', '1.10.0']");
});
