import { expect, test } from '@playwright/test';
import { cell, output, runFinished } from './helpers';

test('the catalogue lists the welcome pack and opens its lessons', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Lesson packs' })).toBeVisible();
  await page.getByRole('link', { name: 'Welcome to Wheelhouse' }).click();
  await expect(page).toHaveURL(/\/lessons\/welcome\/what-is-wheelhouse$/);
  await expect(page.getByRole('heading', { level: 1, name: 'What Wheelhouse is' })).toBeVisible();
  await page.getByRole('link', { name: /Cells, output, Stop and input\(\) →/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Cells, output, Stop and input()' }),
  ).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'What Wheelhouse is' })).toBeVisible();
});

test('a stdlib-only lesson runs top to bottom without errors', async ({ page }) => {
  await page.goto('/lessons/welcome/what-is-wheelhouse');
  const cells = page.getByRole('region', { name: /^Python cell \d+$/ });
  await expect(cells.first()).toBeVisible();
  const count = await cells.count();
  expect(count).toBeGreaterThan(1);
  for (let number = 1; number <= count; number++) {
    const region = cell(page, number);
    await region.getByRole('button', { name: 'Run' }).click();
    await runFinished(region);
    await expect(output(region)).not.toBeEmpty();
    await expect(output(region).locator('.stderr')).toHaveCount(0);
  }
  await expect(output(cell(page, 1))).toContainText('Python 3.13');
  await expect(output(cell(page, 2))).toContainText("[('ship', 3), ('it', 3)]");
});

test('cells on a page share variables', async ({ page }) => {
  await page.goto('/lessons/welcome/cells-and-output');
  await cell(page, 1).getByRole('button', { name: 'Run' }).click();
  await runFinished(cell(page, 1));
  await cell(page, 2).getByRole('button', { name: 'Run' }).click();
  await expect(output(cell(page, 2))).toContainText(
    'Release 1.4.0:\n - faster startup\n - smaller wheels',
  );
  await cell(page, 3).getByRole('button', { name: 'Run' }).click();
  await expect(output(cell(page, 3))).toHaveText('20');
});

test('Restart clears every variable and says so', async ({ page }) => {
  await page.goto('/lessons/welcome/cells-and-output');
  await cell(page, 1).getByRole('button', { name: 'Run' }).click();
  await runFinished(cell(page, 1));
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByRole('status')).toContainText('ready');
  await cell(page, 2).getByRole('button', { name: 'Run' }).click();
  await expect(output(cell(page, 2))).toContainText("NameError: name 'release' is not defined");
});
