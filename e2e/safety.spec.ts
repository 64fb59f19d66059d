/** A pack from a stranger can never run script in the page; the site's CSP backs that up. */
import { expect, test, type Locator } from '@playwright/test';
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

/** Every payload in the hostile pack writes its own number to `__pwned`: 1, 2, 3, ... */
function payloadNumbers(): number[] {
  const dir = 'e2e/fixtures/hostile-pack';
  const text = readdirSync(dir)
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
  return [...text.matchAll(/__pwned\s*=\s*(\d+)/g)].map((match) => Number(match[1]));
}

/**
 * Runs in the page before its own scripts: records every write to `__pwned` (a payload that
 * ran) and every piece of markup with an event-handler attribute that reached one of the
 * page's HTML parsers (where a browser with our CSP may report it even though nothing runs).
 */
function watchThePage(): void {
  const seen = { ran: [] as unknown[], handlerMarkup: [] as string[] };
  Object.defineProperty(window, '__wheelhouseSafety', { value: seen });
  Object.defineProperty(window, '__pwned', {
    get: () => undefined,
    set: (value) => seen.ran.push(value),
  });
  const handlersIn = (root: ParentNode | null | undefined, via: string) => {
    for (const element of root?.querySelectorAll('*') ?? []) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) seen.handlerMarkup.push(`${via}: ${attribute.name}`);
      }
      if (element instanceof HTMLTemplateElement) handlersIn(element.content, via);
    }
  };
  const parse = DOMParser.prototype.parseFromString;
  DOMParser.prototype.parseFromString = function (markup, type) {
    const doc = parse.call(this, markup, type);
    handlersIn(doc, 'DOMParser');
    return doc;
  };
  for (const property of ['innerHTML', 'outerHTML'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, property)!;
    Object.defineProperty(Element.prototype, property, {
      ...descriptor,
      set(this: Element, markup: string) {
        const parent = this.parentNode;
        descriptor.set!.call(this, markup);
        const root = property === 'innerHTML' ? this : parent;
        handlersIn(this instanceof HTMLTemplateElement ? this.content : root, property);
      },
    });
  }
  const insert = Element.prototype.insertAdjacentHTML;
  Element.prototype.insertAdjacentHTML = function (position, markup) {
    insert.call(this, position, markup);
    handlersIn(this.parentNode, 'insertAdjacentHTML');
  };
  const fragment = Range.prototype.createContextualFragment;
  Range.prototype.createContextualFragment = function (markup) {
    const result = fragment.call(this, markup);
    handlersIn(result, 'createContextualFragment');
    return result;
  };
}

/** Tags, handler attributes and script URLs under `scope` that could run script. */
function dangerousMarkup(scope: Locator, selector: string): Promise<string[]> {
  return scope.evaluate((root, selector) => {
    const problems: string[] = [];
    for (const element of root.querySelectorAll(selector)) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'form', 'style', 'base'].includes(tag))
        problems.push(tag);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`${tag}[${attribute.name}]`);
        // Browsers ignore whitespace and control characters in a URL's scheme.
        const value = [...attribute.value].filter((char) => char > ' ').join('');
        if (/^(javascript|vbscript):/i.test(value)) problems.push(`${tag}[${attribute.name}]`);
      }
    }
    return problems;
  }, selector);
}

test('script in every field of a pack stays inert', async ({ page }) => {
  const numbers = payloadNumbers();
  // The fixture numbers its payloads 1..n, so none is left out of what this test covers.
  expect(numbers.toSorted((a, b) => a - b)).toEqual(numbers.map((_, index) => index + 1));
  await page.addInitScript(watchThePage);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain(
    "script-src 'self' 'wasm-unsafe-eval'",
  );
  await page.getByLabel('Pack file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: bundle('hostile-pack'),
  });
  // The pack's card shows its title, description and authors (payloads 1 to 5).
  const card = page.getByRole('article', { name: /Hostile/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('<img src=x onerror="window.__pwned = 1">Hostile');
  expect(await dangerousMarkup(card, '*')).toEqual([]);
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

  // Everything rendered from the pack's Markdown: prose, the exercise's prompt and hints.
  expect(await dangerousMarkup(page.locator('main'), '.prose *, .prompt *, .hints *')).toEqual([]);
  const seen = await page.evaluate(
    () =>
      (
        window as unknown as {
          __wheelhouseSafety: { ran: unknown[]; handlerMarkup: string[] };
        }
      ).__wheelhouseSafety,
  );
  expect(seen.ran).toEqual([]); // no payload ran
  // And no handler markup even reached a parser in the page, so the console stays clean.
  expect(seen.handlerMarkup).toEqual([]);
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
