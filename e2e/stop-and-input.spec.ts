import { expect, test, type Page } from '@playwright/test';
import { isolated, output, playgroundUrl, replaceCode, runFinished } from './helpers';

// Tests here intercept Python's downloads. A page that is still open after its test keeps
// working in the background (the next visit's snapshot), and a route handler that answers
// then would fail outside any test: let those in flight go.
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }));

test('Stop ends an infinite loop; variables survive when isolated', async ({ page }, testInfo) => {
  await page.goto(playgroundUrl('count = 0\nwhile True:\n    count += 1'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  const stop = region.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeEnabled();
  await expect(region.getByText('Running…')).toBeVisible();
  await stop.click();
  await runFinished(region);
  const log = output(page);
  if (isolated(testInfo)) {
    await expect(log).toContainText('Stopped (KeyboardInterrupt). Your variables are kept.');
  } else {
    await expect(log).toContainText('Python had to be restarted to stop it');
  }
  // Python is usable again after Stop, in either mode.
  await replaceCode(region, 'print("alive")');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toHaveText('alive');
});

test('after Stop, the next cell sees the kept variables (isolated) or a reset (not)', async ({
  page,
}, testInfo) => {
  await page.goto('/lessons/welcome/cells-and-output');
  const loop = page.getByRole('region', { name: 'Python cell 6' });
  const after = page.getByRole('region', { name: 'Python cell 7' });
  await loop.getByRole('button', { name: 'Run' }).click();
  await expect(loop.getByText('Running…')).toBeVisible();
  // Stop once the loop itself runs: a Stop in the moment before `count = 0` leaves no count.
  await expect(output(loop)).toContainText('so far');
  await loop.getByRole('button', { name: 'Stop' }).click();
  await runFinished(loop);
  await after.getByRole('button', { name: 'Run' }).click();
  await runFinished(after);
  if (isolated(testInfo)) {
    await expect(output(after)).toContainText(/The loop counted to [\d,]+ before you stopped it\./);
  } else {
    await expect(output(loop)).toContainText('variables from earlier runs are gone');
    await expect(output(after)).toContainText("NameError: name 'count' is not defined");
  }
});

test('input() reads from an inline prompt when isolated, and explains itself when not', async ({
  page,
}, testInfo) => {
  await page.goto(playgroundUrl('name = input("Your name? ")\nprint(f"Hello, {name}!")'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  const log = output(page);
  if (isolated(testInfo)) {
    const field = log.getByRole('textbox', { name: 'Input for Python' });
    await expect(field).toBeFocused();
    await expect(log).toContainText('Your name?');
    await field.fill('Grace');
    await field.press('Enter');
    await expect(log).toContainText('Your name? Grace\nHello, Grace!');
    await expect(log.locator('.stdin')).toHaveText('Grace\n');
  } else {
    await expect(log).toContainText('InputUnavailableError');
    await expect(log).toContainText('not cross-origin isolated');
  }
  await runFinished(region);
});

test('Stop on a run that still waits for Python to start cancels it', async ({ page }) => {
  // Hold the runtime's download, so the run is certainly still queued when Stop is pressed.
  const release = await holdDownload(page);
  await page.goto(playgroundUrl('print("ran")'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByText('Waiting for Python…')).toBeVisible();
  await region.getByRole('button', { name: 'Stop' }).click();
  await expect(output(page)).toHaveText('Stopped before it started.');
  release();
  await expect(page.getByRole('status')).toContainText('ready');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toHaveText('ran');
});

test('a Run pressed while Python downloads runs as soon as Python has started', async ({
  page,
}) => {
  // The run is sent to the worker once Python has loaded, while our session is set up.
  const release = await holdDownload(page);
  await page.goto(playgroundUrl('answer = 6 * 7\nprint("ran", answer)'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByText('Waiting for Python…')).toBeVisible();
  release();
  await expect(output(page)).toHaveText('ran 42');
  await runFinished(region);
  await expect(page.getByRole('status')).toContainText('ready');
  // The next run finds the variable: the early run ran in the session, not before it.
  await replaceCode(region, 'print(answer + 1)');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(output(page)).toHaveText('43');
});

test('Stop while Python waits in input() ends the run', async ({ page }, testInfo) => {
  test.skip(!isolated(testInfo), 'input() can only wait for an answer on an isolated page');
  await page.goto(playgroundUrl('kept = 1\nanswer = input("Waiting: ")'));
  const region = page.getByRole('region', { name: 'Playground code' });
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(output(page).getByRole('textbox', { name: 'Input for Python' })).toBeVisible();
  await region.getByRole('button', { name: 'Stop' }).click();
  await runFinished(region);
  await expect(output(page)).toContainText('Stopped (KeyboardInterrupt)');
  await expect(output(page).getByRole('textbox', { name: 'Input for Python' })).toHaveCount(0);
});

/** Holds Python's wasm download until the returned function is called. */
async function holdDownload(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pyodide.asm.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
