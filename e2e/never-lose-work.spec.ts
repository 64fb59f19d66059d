/** The learner's code survives crashes, reloads, closed tabs, pack updates and broken storage. */
import { expect, test, type Page } from '@playwright/test';
import { cell, editorText, focusEditor, output, replaceCode, runFinished } from './helpers';

const LESSON = '/lessons/welcome/what-is-wheelhouse';

async function codeOf(page: Page, number: number): Promise<string> {
  const region = cell(page, number);
  await focusEditor(region);
  return editorText(region);
}

test('code typed in a cell survives a Python crash, a reload and a closed tab', async ({
  page,
  context,
}) => {
  await page.goto(LESSON);
  await replaceCode(cell(page, 1), 'mine = "kept through everything"');
  await replaceCode(
    cell(page, 2),
    'import js, pyodide_js\npyodide_js._api.fatal_error(js.Error.new("crash"))',
  );
  await cell(page, 2).getByRole('button', { name: 'Run' }).click();
  await runFinished(cell(page, 2));
  await expect(output(cell(page, 2))).toContainText('Python crashed (crash) and was restarted');
  expect(await codeOf(page, 1)).toBe('mine = "kept through everything"');

  await page.reload();
  await expect.poll(() => codeOf(page, 1)).toBe('mine = "kept through everything"');

  // Type, then close the tab at once: the page saves when it is hidden.
  await replaceCode(cell(page, 1), 'print("typed just before closing")');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(LESSON);
  await expect.poll(() => codeOf(again, 1)).toBe('print("typed just before closing")');
});

test('a pack update that changes a cell keeps the learner version and offers the new one', async ({
  page,
}) => {
  let version = 1;
  const lesson = (code: string) =>
    `---\ntitle: Updated\nsummary: A lesson that changes.\nminutes: 1\n---\n\n\`\`\`python run\n${code}\n\`\`\`\n`;
  await page.route('https://packs.example.org/updating.json', (route) =>
    route.fulfill({
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({
        format: 'wheelhouse-pack',
        formatVersion: 1,
        id: 'updating',
        version: `${version}.0.0`,
        files: {
          'pack.yaml': `id: updating\ntitle: Updating pack\ndescription: Changes under the learner.\nversion: ${version}.0.0\nauthors: [Tests]\nlicence: CC0-1.0\nlessons: [only]\n`,
          'only.md': lesson(version === 1 ? 'print("version one")' : 'print("version two")'),
        },
      }),
    }),
  );
  await page.goto('/?pack=https://packs.example.org/updating.json');
  await page
    .getByRole('article', { name: 'Updating pack' })
    .getByRole('link', { name: 'Updated' })
    .first()
    .click();
  await replaceCode(cell(page, 1), 'print("my own")');
  await expect.poll(() => codeOf(page, 1)).toBe('print("my own")');

  version = 2;
  await page.goto('/?pack=https://packs.example.org/updating.json');
  await page
    .getByRole('article', { name: 'Updating pack' })
    .getByRole('link', { name: 'Updated' })
    .first()
    .click();
  await expect(
    page.getByText("This cell's code changed in an update of the pack; your version is kept."),
  ).toBeVisible();
  expect(await codeOf(page, 1)).toBe('print("my own")');
  await page.getByRole('button', { name: 'Use the new version' }).click();
  await expect.poll(() => codeOf(page, 1)).toBe('print("version two")');
  await expect(cell(page, 1).getByRole('button', { name: 'Reset' })).toBeDisabled();
});

test('without storage, the page says progress cannot be saved and keeps working', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    });
  });
  await page.goto(LESSON);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Your progress cannot be saved' }),
  ).toContainText('private mode');
  await cell(page, 1).getByRole('button', { name: 'Run' }).click();
  await expect(output(cell(page, 1))).toContainText('Python 3.13');
});
