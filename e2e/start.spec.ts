import { expect, test } from '@playwright/test';
import { output, playgroundUrl } from './helpers';

// Tests here intercept Python's downloads. A page that is still open after its test keeps
// working in the background (the next visit's snapshot), and a route handler that answers
// then would fail outside any test: let those in flight go.
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }));

test('Python starts even where the host serves its wasm with the wrong type', async ({ page }) => {
  // Streaming compilation refuses anything but application/wasm; the start falls back to
  // compiling the downloaded bytes (static hosts often say application/octet-stream).
  await page.route('**/pyodide.asm.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-type': 'application/octet-stream' },
    });
  });
  await page.goto(playgroundUrl('print("started anyway")'));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toHaveText('started anyway');
});

test('a traceback through the standard library shows its lines', async ({ page }) => {
  // The served standard library runs from bytecode but keeps its sources for tracebacks.
  await page.goto(playgroundUrl('import json\njson.loads("{")'));
  await page.getByRole('button', { name: 'Run' }).click();
  const log = output(page);
  await expect(log).toContainText('json.decoder.JSONDecodeError');
  await expect(log).toContainText('json/decoder.py');
  await expect(log).toContainText('obj, end = self.scan_once(s, idx)');
});
