/** A pack from a stranger can never run script in the page; the site's CSP backs that up. */
import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { output, runFinished } from './helpers';

function bundle(folder: string): Buffer {
  const dir = path.join('e2e/fixtures', folder);
  const files = Object.fromEntries(
    readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
  return Buffer.from(
    JSON.stringify({
      format: 'wheelhouse-pack',
      formatVersion: 1,
      id: folder,
      version: '1.0.0',
      files,
    }),
  );
}

test('script in every field of a pack stays inert', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) blocked.push(message.text());
  });
  await page.goto('/');
  await page.getByLabel('Pack file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: bundle('hostile-pack'),
  });
  const card = page.getByRole('article', { name: /Hostile/ });
  await expect(card).toBeVisible();
  await card
    .getByRole('link', { name: /Payloads/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    '<img src=x onerror="window.__pwned = 6">Payloads',
  );

  // The exercise and its hint render too.
  const exercise = page.getByRole('region', { name: /Exercise: <img src=x/ });
  await exercise.getByRole('button', { name: /^Hint/ }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('list', { name: 'Check results' })).toContainText(
    '<img src=x onerror=window.__pwned=21>',
  );
  const cell = page.getByRole('region', { name: 'Python cell 1' });
  await cell.getByRole('button', { name: 'Run' }).click();
  await runFinished(cell);
  await expect(output(cell)).toContainText('</script><script>window.__pwned = 18</script>');

  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  // Everything rendered from the pack's Markdown: prose, the exercise's prompt and hints.
  const findings = await page.locator('main').evaluate((main) => {
    const problems: string[] = [];
    for (const element of main.querySelectorAll('.prose *, .prompt *, .hints *')) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'form', 'style'].includes(tag))
        problems.push(tag);
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) problems.push(`${tag}[${attribute.name}]`);
        if (/^\s*javascript:/i.test(attribute.value)) problems.push(`${tag}[${attribute.name}]`);
      }
    }
    return problems;
  });
  expect(findings).toEqual([]);
  expect(blocked).toEqual([]); // nothing even got as far as the CSP
});

test('the built site sends a Content-Security-Policy that still lets Python run', async ({
  page,
}) => {
  const response = await page.goto('/playground');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  const run = page.getByRole('button', { name: 'Run' });
  await run.click();
  await expect(output(page)).toContainText('Hello from Python');
  // Python cannot evaluate JavaScript strings through the page's eval either.
  const region = page.getByRole('region', { name: 'Playground code' });
  await page.goto(
    `/playground#code=${Buffer.from('import js\njs.eval("1 + 1")').toString('base64url')}`,
  );
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toContainText(
    'violates the following Content Security Policy directive',
  );
});
