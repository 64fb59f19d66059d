import { expect, test } from '@playwright/test';
import { cell, output, playgroundUrl, pythonReady } from './helpers';

test.use({ serviceWorkers: 'allow' });

test('after one visit, the app and Python work offline, from a warm start', async ({
  page,
  context,
}) => {
  await page.goto(playgroundUrl('print("online")'));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toHaveText('online');
  // Wait for the first visit's background work: the service worker controls the page and,
  // as this start had no snapshot, one is made for the next.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(page.locator('html[data-runtime-snapshot="missing"]')).toHaveCount(1);
  await expect(page.locator('html[data-runtime-idle="true"]')).toHaveCount(1);

  await context.setOffline(true);
  const second = await context.newPage();
  await second.goto('/lessons/welcome/cells-and-output');
  await pythonReady(second);
  await expect(second.locator('html[data-runtime-snapshot="restored"]')).toHaveCount(1);
  expect(
    await second.evaluate(() => document.querySelector('[role="status"]')?.textContent),
  ).toMatch(/ready/);
  await cell(second, 1).getByRole('button', { name: 'Run' }).click();
  await cell(second, 2).getByRole('button', { name: 'Run' }).click();
  await expect(output(cell(second, 2))).toContainText('Release 1.4.0:');
  // Cross-origin isolation survives being served from the cache.
  expect(await second.evaluate(() => crossOriginIsolated)).toBe(
    test.info().project.name === 'isolated',
  );
});
