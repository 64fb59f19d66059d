/**
 * The start page as a learning path: a new learner is told where to start, a returning one is
 * offered their last lesson and next exercise; the end of a pack leads into the next pack on
 * the path; the lab pages list the lessons that use them. Expectations are read from the packs
 * in lessons/ and the path in src/lessons/path.ts, so they hold as packs are added.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { LEARNING_PATH } from '../src/lessons/path';
import { replaceCode } from './helpers';

interface BuiltinPack {
  id: string;
  title: string;
  lessons: Array<{ id: string; title: string; source: string }>;
}

/** The built-in packs on the path, in its order, as their files say. */
function builtinPacks(): BuiltinPack[] {
  return LEARNING_PATH.filter((id) => existsSync(`lessons/${id}/pack.yaml`)).map((id) => {
    const manifest = parse(readFileSync(`lessons/${id}/pack.yaml`, 'utf8')) as {
      title: string;
      lessons: string[];
    };
    const lessons = manifest.lessons.map((lesson) => {
      const source = readFileSync(`lessons/${id}/${lesson}.md`, 'utf8');
      const title = /^title: (.+)$/m.exec(source)![1]!;
      return { id: lesson, title, source };
    });
    return { id, title: manifest.title, lessons };
  });
}

test('a new learner starts at the first lesson; a returning one continues where they were', async ({
  page,
}) => {
  const [first] = builtinPacks();
  await page.goto('/');
  await expect(page.locator('main h2').first()).toHaveText('Start here');
  const start = page.getByRole('region', { name: 'Start here' });
  await expect(
    start.getByRole('link', { name: `Start: ${first!.lessons[0]!.title}` }),
  ).toHaveAttribute('href', `/lessons/${first!.id}/${first!.lessons[0]!.id}`);

  // One lesson visited, one exercise solved.
  await page.goto('/lessons/welcome/exercises-and-checks');
  const exercise = page.getByRole('region', { name: 'Exercise: Turn a title into a URL slug' });
  await replaceCode(
    exercise,
    'import re\n\ndef slugify(title):\n    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))',
  );
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByText('Done ✓')).toBeVisible();

  await page.goto('/');
  await expect(page.locator('main h2').first()).toHaveText('Pick up where you left off');
  const back = page.getByRole('region', { name: 'Pick up where you left off' });
  await expect(back.getByRole('link', { name: 'Continue: Exercises and checks' })).toHaveAttribute(
    'href',
    '/lessons/welcome/exercises-and-checks',
  );
  const card = page.getByRole('article', { name: 'Welcome to Wheelhouse' });
  await expect(card).toContainText('1 of 3 lessons visited · 1 of 4 exercises done');
  await expect(card.getByRole('listitem').filter({ hasText: 'opened last' })).toContainText(
    'Exercises and checks',
  );

  // The next exercise is the one after the solved one, and the link lands on it.
  await back.getByRole('link', { name: 'Next exercise: Print an aligned receipt' }).click();
  await expect(page).toHaveURL(/\/lessons\/welcome\/exercises-and-checks#exercise-receipt$/);
  await expect(
    page.getByRole('heading', { name: 'Exercise: Print an aligned receipt' }),
  ).toBeInViewport();
});

test('the last lesson of a pack leads into the next pack on the path, and back', async ({
  page,
}) => {
  const packs = builtinPacks();
  const welcome = packs.findIndex((pack) => pack.id === 'welcome');
  const [current, next] = [packs[welcome]!, packs[welcome + 1]];
  test.skip(!next, 'only one built-in pack on the path');
  const last = current.lessons.at(-1)!;
  await page.goto(`/lessons/${current.id}/${last.id}`);
  const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
  const forward = pager.getByRole('link', { name: new RegExp(`^Next pack: ${next!.title} →`) });
  await expect(forward).toContainText(`starts with ${next!.lessons[0]!.title}`);
  await forward.click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${next!.id}/${next!.lessons[0]!.id}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: next!.lessons[0]!.title }),
  ).toBeVisible();
  await pager.getByRole('link', { name: `← Previous pack: ${current.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${current.id}/${last.id}$`));
});

for (const [lab, fence] of [
  ['resolver', 'resolver-lab'],
  ['docker-cache', 'docker-lab'],
] as const) {
  test(`the ${lab} lab lists the lessons that use it`, async ({ page }) => {
    const users = builtinPacks().flatMap((pack) =>
      pack.lessons
        .filter((lesson) => new RegExp(`^\`\`\`${fence}\\b`, 'm').test(lesson.source))
        .map((lesson) => ({ pack: pack.id, ...lesson })),
    );
    expect(users.length).toBeGreaterThan(0);
    await page.goto(`/labs/${lab}`);
    const list = page.getByRole('navigation', { name: 'Lessons that use this lab' });
    await expect(list.getByRole('link')).toHaveText(users.map((lesson) => lesson.title));
    await list.getByRole('link', { name: users[0]!.title }).click();
    await expect(page).toHaveURL(new RegExp(`/lessons/${users[0]!.pack}/${users[0]!.id}$`));
  });
}
