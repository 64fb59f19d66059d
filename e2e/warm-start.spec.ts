/**
 * Warm starts from the memory snapshot a first visit keeps: what a second page of the same
 * browser profile restores, and how each way it can go wrong falls back to a normal start.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { output, playgroundUrl, replaceCode } from './helpers';

const PROBE =
  'import pyodide_js\nprint("restored:", hasattr(pyodide_js._api.config, "_loadSnapshot"))';

/** A first visit that runs `code`, then waits until its snapshot for the next start is kept. */
async function firstVisit(page: Page): Promise<void> {
  await page.goto(playgroundUrl('print("first")'));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toHaveText('first');
  await expect(page.locator('html[data-runtime-snapshot="missing"]')).toHaveCount(1);
  await expect(page.locator('html[data-runtime-idle="true"]')).toHaveCount(1);
}

/** A new page in the same profile that runs the probe: how did its Python start? */
async function nextVisit(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(playgroundUrl(PROBE));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toContainText('restored:');
  return page;
}

test('a second visit restores the snapshot, and so does a restart after a crash', async ({
  page,
  context,
}) => {
  await firstVisit(page);
  const second = await nextVisit(context);
  await expect(output(second)).toHaveText('restored: True');
  await expect(second.locator('html[data-runtime-snapshot="restored"]')).toHaveCount(1);

  // The restarted worker has no page-started helper: it starts one of its own.
  const code = second.getByRole('region', { name: 'Playground code' });
  await replaceCode(
    code,
    'import js, pyodide_js\npyodide_js._api.fatal_error(js.Error.new("boom"))',
  );
  await second.getByRole('button', { name: 'Run' }).click();
  await expect(output(second)).toContainText('Python crashed (boom) and was restarted');
  await replaceCode(code, PROBE);
  await second.getByRole('button', { name: 'Run' }).click();
  await expect(output(second)).toHaveText('restored: True');
});

test('without its helper, a warm start reads the snapshot itself', async ({ page, context }) => {
  await firstVisit(page);
  let refused = 0;
  await context.route(/warm-start-helper-[\w-]+\.js$/, (route) => {
    refused += 1;
    return route.fulfill({ status: 404, body: 'gone' });
  });
  const second = await nextVisit(context);
  await expect(output(second)).toHaveText('restored: True');
  expect(refused).toBeGreaterThan(0);
});

test('a damaged snapshot is refused: Python starts normally and keeps a new one', async ({
  page,
  context,
}) => {
  await firstVisit(page);
  await page.evaluate(async () => {
    const cache = await caches.open('wheelhouse-snapshots');
    const [request] = await cache.keys();
    const stored = await cache.match(request!);
    const bytes = new Uint8Array(await stored!.arrayBuffer());
    bytes[bytes.length >> 1]! ^= 0xff;
    await cache.put(request!, new Response(bytes, { headers: stored!.headers }));
  });
  const second = await nextVisit(context);
  await expect(output(second)).toHaveText('restored: False');
  await expect(second.locator('html[data-runtime-snapshot="missing"]')).toHaveCount(1);
  await expect(second.locator('html[data-runtime-idle="true"]')).toHaveCount(1);
  const third = await nextVisit(context);
  await expect(output(third)).toHaveText('restored: True');
});
