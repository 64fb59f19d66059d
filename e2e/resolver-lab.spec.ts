import { expect, test, type Page } from '@playwright/test';
import { replaceCode } from './helpers';

async function loadPreset(page: Page, title: string): Promise<void> {
  await page.getByLabel('Preset').selectOption({ label: title });
  await page.getByRole('button', { name: 'Load preset' }).click();
}

/** The lab's status line describes the Resolve button. */
function resolveButton(page: Page) {
  return page.getByRole('button', { name: 'Resolve', exact: true });
}

test('the catalogue links to the resolver lab', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Resolver lab' }).click();
  await expect(page).toHaveURL(/\/labs\/resolver$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Resolver lab' })).toBeVisible();
});

test('step forward and back through a conflict and watch the partial solution', async ({
  page,
}) => {
  await page.goto('/labs/resolver');
  await loadPreset(page, 'Learning from a conflict');
  await expect(resolveButton(page)).toHaveAccessibleDescription(/Resolved: 1 package, 17 steps/);
  const partial = page.getByRole('table', { name: 'Partial solution' });
  const stepper = page.getByRole('region', { name: "Step through PubGrub's trace" });
  const announce = stepper.locator('[aria-live="polite"]');
  await expect(page.getByRole('slider')).toHaveAttribute('aria-valuetext', 'Step 1 of 17');
  await expect(page.getByText('Empty: nothing is assigned yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(announce).toHaveText('Step 2 of 17: Derive root ==1.0.0 at level 0.');
  await expect(partial.getByRole('row')).toHaveCount(2);

  // Arrow keys step too, once the stepper has focus.
  await stepper.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(announce).toHaveText('Step 4 of 17: Decide root 1.0.0 at level 1.');
  await expect(partial.getByRole('row')).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expect(announce).toContainText('Step 3 of 17');
  await expect(partial.getByRole('row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Next conflict' }).click();
  await expect(announce).toHaveText('Step 11 of 17: Conflict: every term of #4 is true.');
  await expect(page.getByText('Every term is true: the partial solution breaks')).toBeVisible();
  await expect(partial.getByRole('row').filter({ hasText: 'foo ==2.0.0' })).toHaveCount(1);

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(announce).toHaveText('Step 13 of 17: Backjump from level 2 to level 1.');
  await expect(partial.getByRole('row').filter({ hasText: 'undone by the backjump' })).toHaveCount(
    2,
  );
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(announce).toHaveText('Step 14 of 17: Learn #5: foo >=2.0.0 is forbidden.');
  await expect(page.getByRole('region', { name: 'Learned so far' })).toContainText(
    'foo >=2.0.0 is forbidden',
  );
  await expect(partial.getByRole('row').filter({ hasText: 'foo ==2.0.0' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(partial.getByRole('row').filter({ hasText: 'foo ==2.0.0' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await expect(announce).toHaveText('Step 17 of 17: Solution: 1 package.');
});

test('a failing preset: the explanation, and its derivation tree linked to it', async ({
  page,
}) => {
  await page.goto('/labs/resolver');
  await loadPreset(page, 'A failure with a branching explanation');
  await expect(resolveButton(page)).toHaveAccessibleDescription(
    /No solution: PubGrub proved it in 37 steps/,
  );
  await page.getByRole('tab', { name: 'Why it fails' }).click();
  const explanation = page.getByRole('region', { name: 'Explanation' });
  await expect(explanation).toContainText(
    '(1) So, because foo <1.1.0 depends on b >=1.0.0,<2.0.0, foo <1.1.0 is forbidden.',
  );
  await expect(explanation).toContainText(
    'So, because root depends on foo >=1.0.0,<2.0.0, version solving failed.',
  );

  const tree = page.getByRole('list', { name: 'Derivation tree' });
  await expect(tree.getByRole('listitem').first()).toContainText('version solving failed');
  await expect(tree.getByRole('button', { name: /foo <1\.1\.0 is forbidden/ })).toBeVisible();
  await expect(tree).toContainText('every version of a depends on b >=2.0.0,<3.0.0');

  // Selecting a node marks the explanation line that states it, and back.
  await tree.getByRole('button', { name: /foo <1\.1\.0 is forbidden/ }).click();
  const lineRef = explanation.getByRole('button', { name: /^Incompatibility #12,/ });
  await expect(lineRef).toHaveAttribute('aria-pressed', 'true');
  const lineRefRoot = explanation.getByRole('button', { name: /^Incompatibility #14,/ });
  await lineRefRoot.click();
  await expect(tree.getByRole('button', { name: /version solving failed/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(lineRef).toHaveAttribute('aria-pressed', 'false');
});

test('compare with naive backtracking, where it explodes', async ({ page }) => {
  await page.goto('/labs/resolver');
  await loadPreset(page, 'Where naive backtracking explodes');
  await page.getByRole('tab', { name: 'Compare with naive' }).click();
  const table = page.getByRole('table', {
    name: 'PubGrub and naive backtracking on the same index',
  });
  const tried = table.getByRole('row', { name: /Versions tried/ });
  await expect(tried).toContainText('15');
  await expect(tried).toContainText('39,070');
  await expect(page.getByText('the naive search tried 39,070, 2,605 times as many')).toBeVisible();
  await expect(table.getByRole('row', { name: /Learned/ })).toContainText('1 incompatibilit');
});

test('edit the index: a mistake is marked on its line, then it resolves and locks', async ({
  page,
}) => {
  await page.goto('/labs/resolver');
  await expect(resolveButton(page)).toHaveAccessibleDescription(/Resolved/);
  const main = page.getByRole('main');
  await replaceCode(main, 'root -> requests\nrequests 2.32.3 -> urllib3>=>1.21\n');
  await expect(resolveButton(page)).toHaveAccessibleDescription(/^Line 2: urllib3: /);
  await replaceCode(
    main,
    'root -> requests\nrequests 2.32.3 -> urllib3>=1.21,<3\nurllib3 1.26.20 2.2.3\n',
  );
  await resolveButton(page).click();
  await expect(resolveButton(page)).toHaveAccessibleDescription(/Resolved: 2 packages/);
  await page.getByRole('tab', { name: 'Solution' }).click();
  await expect(page.getByRole('table', { name: /Chosen versions/ })).toContainText('2.2.3');

  await page.getByRole('button', { name: 'Lock it' }).click();
  await expect(page.getByRole('tab', { name: 'Lock file' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const lock = page.getByRole('region', { name: 'requirements.txt' });
  await expect(lock).toContainText('requests==2.32.3 \\');
  await expect(lock).toContainText('urllib3==2.2.3 \\');
  await expect(lock).toContainText('# via requests');
  await expect(lock).toContainText(/--hash=sha256:[0-9a-f]{64}/);
});

test('a lesson shows resolver-lab widgets, resolved when they come into view', async ({ page }) => {
  await page.goto('/lessons/resolver/reading-failures');
  const lab = page.getByRole('region', { name: /An upper bound that blocks pydantic 2/ });
  await expect(lab.getByRole('tab', { name: 'Why it fails' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(lab.getByRole('region', { name: 'Explanation' })).toContainText(
    'So, because myapp depends on legacy-auth >=1.2.0,<2.0.0, version solving failed.',
  );
  const locked = page.getByRole('region', { name: /The fixed project, locked/ });
  await locked.scrollIntoViewIfNeeded();
  await locked.getByRole('button', { name: 'Lock it' }).click();
  await expect(locked.getByRole('region', { name: 'requirements.txt' })).toContainText(
    'legacy-auth==2.0.0 \\',
  );
});
