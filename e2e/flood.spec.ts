import { expect, test } from '@playwright/test';
import { output, playgroundUrl, runFinished } from './helpers';

test('200,000 printed lines keep the page responsive and the log bounded', async ({ page }) => {
  await page.goto(playgroundUrl('for i in range(200_000):\n    print(i)'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  const log = output(page);
  await runFinished(region);
  await expect(log).toContainText('199999');
  await expect(log.getByText('195,000 earlier lines hidden')).toBeVisible();
  const shown = await log
    .locator('pre')
    .evaluate((pre) => pre.textContent?.split('\n').length ?? 0);
  expect(shown).toBe(5001); // 5,000 lines and the empty string after the last newline
  // The page still reacts at once: navigation away and back works.
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Lesson packs' })).toBeVisible();
});

test('an endless print loop can be stopped', async ({ page }) => {
  await page.goto(playgroundUrl('i = 0\nwhile True:\n    print("line", i)\n    i += 1'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  const log = output(page);
  await expect(log.getByText(/earlier lines hidden/)).toBeVisible();
  await region.getByRole('button', { name: 'Stop' }).click();
  await runFinished(region);
  await expect(log).toContainText('Stopped');
});
