import { expect, test, type Page } from '@playwright/test';
import { lockFilePath, output, playgroundUrl, runFinished } from './helpers';

/** True when this preview serves numpy's wheel itself (WHEELHOUSE_PYODIDE_PACKAGES was set). */
async function servesNumpyLocally(page: Page): Promise<boolean> {
  const response = await page.request.get(lockFilePath());
  const lock = (await response.json()) as { packages: Record<string, { file_name: string }> };
  return !/^https?:/.test(lock.packages.numpy?.file_name ?? 'https:');
}

test('imports load their package first, with the package named', async ({ page }) => {
  test.skip(
    !(await servesNumpyLocally(page)),
    'no offline wheels: set WHEELHOUSE_PYODIDE_PACKAGES to a folder with the numpy wheel',
  );
  await page.goto(playgroundUrl('import numpy as np\nprint(np.arange(10, dtype=np.int64).sum())'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  const log = output(page);
  await expect(log).toContainText('Loading numpy…');
  await expect(log).toContainText('Loaded numpy.');
  await expect(log).toContainText('45');
});

test('a package that cannot be fetched gives an error naming it', async ({ page }) => {
  await page.route(/numpy-[^/]*\.whl$/, (route) => route.abort('internetdisconnected'));
  await page.goto(playgroundUrl('import numpy'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  await runFinished(region);
  await expect(output(page).locator('.stderr').first()).toContainText(
    /Could not load the package numpy from \S+/,
  );
});

test('a crashed interpreter is replaced, and the page says so', async ({ page }) => {
  const crash =
    'x = 1\nimport js, pyodide_js\npyodide_js._api.fatal_error(js.Error.new("simulated crash"))';
  await page.goto(playgroundUrl(crash));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  await runFinished(region);
  await expect(output(page)).toContainText(
    'Python crashed (simulated crash) and was restarted; variables from earlier runs are gone.',
  );
  await expect(page.getByRole('status')).toContainText('ready');
  await page.goto(playgroundUrl('print("x" in globals())'));
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toHaveText('False');
});
