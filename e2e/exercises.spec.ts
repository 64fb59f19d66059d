import { expect, test } from '@playwright/test';
import { editorText, focusEditor, replaceCode, runFinished } from './helpers';

const LESSON = '/lessons/welcome/exercises-and-checks';

test('a learner fails a check, takes a hint, passes, and keeps it all after a reload', async ({
  page,
}) => {
  await page.goto(LESSON);
  const exercise = page.getByRole('region', { name: 'Exercise: Turn a title into a URL slug' });
  const results = exercise.getByRole('list', { name: 'Check results' });

  // The starter fails, with a reason per check.
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await expect(results).toContainText('Failed: slugify returns the right values (3 cases)');
  await expect(results).toContainText(
    "slugify('Hello, World!') returned 'hello, world!', expected 'hello-world'",
  );

  // One hint at a time.
  await exercise.getByRole('button', { name: /^Hint/ }).click();
  const hints = exercise.getByRole('list', { name: 'Hints' });
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await expect(hints).toContainText('runs of letters and digits');

  // A correct answer passes every check and marks the exercise done.
  const answer =
    'import re\n\ndef slugify(title):\n    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))';
  await replaceCode(exercise, answer);
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByText('All checks pass. Well done!')).toBeVisible();
  await expect(results.getByText(/^Failed:/)).toHaveCount(0);
  await expect(exercise.getByText('Done ✓')).toBeVisible();

  // Reload: the code, the hint and the pass are still there.
  await page.reload();
  const again = page.getByRole('region', { name: 'Exercise: Turn a title into a URL slug' });
  await expect(again.getByText('Done ✓')).toBeVisible();
  await expect(again.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  await focusEditor(again);
  await expect.poll(() => editorText(again)).toContain('re.findall');

  // The catalogue counts it.
  await page.getByRole('link', { name: 'Lessons' }).click();
  const card = page.getByRole('article', { name: 'Welcome to Wheelhouse' });
  await expect(card).toContainText('1 of 4 exercises done');
});

test('progress can be exported, reset with confirmation, and imported back', async ({ page }) => {
  await page.goto(LESSON);
  const exercise = page.getByRole('region', { name: 'Exercise: Print an aligned receipt' });
  const solution = [
    'items = [("coffee", 3.2), ("bagel", 2.75), ("juice", 4)]',
    'for name, price in items:',
    '    print(f"{name:<10}{price:>8.2f}")',
    'print(f"{\'TOTAL\':<10}{sum(p for _, p in items):>8.2f}")',
  ].join('\n');
  await replaceCode(exercise, solution);
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByText('Done ✓')).toBeVisible();

  await page.getByRole('link', { name: 'Lessons' }).click();
  const card = page.getByRole('article', { name: 'Welcome to Wheelhouse' });
  await expect(card).toContainText('1 of 4 exercises done');
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('wheelhouse-welcome-progress.json');

  // Reset asks first; "Keep it" changes nothing.
  await card.getByRole('button', { name: 'Reset progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(card).toContainText('1 of 4 exercises done');
  await card.getByRole('button', { name: 'Reset progress' }).click();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect(card).toContainText('0 of 4 exercises done');
  await expect(card.getByRole('status')).toHaveText('Progress reset.');

  await card.getByLabel('Progress file for Welcome to Wheelhouse').setInputFiles(file);
  await expect(card.getByRole('status')).toHaveText('Progress imported.');
  await expect(card).toContainText('1 of 4 exercises done');
});

test('Show solution asks first, then shows it beside the learner code', async ({ page }) => {
  await page.goto(LESSON);
  const exercise = page.getByRole('region', { name: 'Exercise: Find duplicates fast' });
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  const dialog = page.getByRole('dialog', { name: 'Show the solution?' });
  await dialog.getByRole('button', { name: 'Keep trying' }).click();
  await expect(exercise.getByRole('heading', { name: 'Solution' })).toHaveCount(0);
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await dialog.getByRole('button', { name: 'Show it' }).click();
  await expect(exercise.getByRole('heading', { name: 'Solution' })).toBeVisible();
  await exercise.getByRole('button', { name: 'Copy into my code' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await runFinished(exercise);
  await expect(exercise.getByText('All checks pass. Well done!')).toBeVisible();
});

test("checks that use a tool (the Docker cache simulator) run it in the browser's worker", async ({
  page,
}) => {
  await page.goto('/lessons/docker/layer-caching');
  const exercise = page.getByRole('region', {
    name: 'Exercise: Install before copying the source',
  });
  const results = exercise.getByRole('list', { name: 'Check results' });
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(results.getByText(/^Failed:/).first()).toBeVisible();
  await replaceCode(
    exercise,
    [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY requirements.txt ./',
      'RUN pip install --no-cache-dir -r requirements.txt',
      'COPY . .',
      'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.main:app"]',
    ].join('\n'),
  );
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByText('All checks pass. Well done!')).toBeVisible();
});
