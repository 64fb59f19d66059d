/**
 * Embedded cells on plain static pages (not the app), served by e2e/fixtures/embed/static-server.ts:
 * public/embed-demo.html as built into dist/, and the fixtures beside the server.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { EMBED_PAGES_PORT } from './fixtures/embed/ports';
import { isolated, lockFilePath, output, replaceCode, runFinished } from './helpers';

function pageUrl(testInfo: TestInfo, path: string): string {
  const mode = isolated(testInfo) ? 'isolated' : 'plain';
  return `http://localhost:${EMBED_PAGES_PORT}/${mode}/${path}`;
}

function cellNamed(page: Page, number: number) {
  return page.getByRole('region', { name: `Python cell ${number}`, exact: true });
}

/** The Python workers a page starts (not Monaco's or Ruff's), counted as they start. */
function countPythonWorkers(page: Page): () => number {
  const urls: string[] = [];
  page.on('worker', (worker) => urls.push(worker.url()));
  return () =>
    urls.filter((url) => url.startsWith('blob:') || /\/assets\/worker-[\w-]+\.js$/.test(url))
      .length;
}

interface RecordedEvent {
  type: string;
  id: string;
  detail: Record<string, unknown>;
}

/** Listens on the document, as a host page or an LMS would, for every cell event. */
async function recordEvents(page: Page): Promise<() => Promise<RecordedEvent[]>> {
  await page.addInitScript(() => {
    const events: unknown[] = [];
    Object.assign(window, { recordedEvents: events });
    for (const type of [
      'wheelhouse:run-start',
      'wheelhouse:run-end',
      'wheelhouse:output',
      'wheelhouse:check',
    ]) {
      document.addEventListener(type, (event) => {
        const target = event.target as HTMLElement;
        events.push({ type, id: target.id, detail: (event as CustomEvent).detail });
      });
    }
  });
  return () =>
    page.evaluate(() => (window as unknown as { recordedEvents: RecordedEvent[] }).recordedEvents);
}

test('three cells on a plain page: setup, shared state, Stop, a checked exercise, events', async ({
  page,
}, testInfo) => {
  const events = await recordEvents(page);
  const pythonWorkers = countPythonWorkers(page);
  await page.goto(pageUrl(testInfo, 'embed-demo.html'));
  const hello = cellNamed(page, 1);
  const loop = cellNamed(page, 2);
  const exercise = cellNamed(page, 3);

  // The page's setup code defined greet() before the first cell ran.
  await hello.getByRole('button', { name: 'Run' }).click();
  await expect(output(hello)).toHaveText('Hello, Ada!');
  await expect(hello.getByRole('status')).toContainText(/Python 3\.13\.\d+ ready/);
  await expect
    .poll(async () => (await events()).filter((event) => event.id === 'hello'))
    .toEqual([
      {
        type: 'wheelhouse:run-start',
        id: 'hello',
        detail: expect.objectContaining({ mode: 'run' }),
      },
      {
        type: 'wheelhouse:output',
        id: 'hello',
        detail: { stream: 'stdout', text: 'Hello, Ada!\n' },
      },
      {
        type: 'wheelhouse:run-end',
        id: 'hello',
        detail: expect.objectContaining({ mode: 'run', ok: true, stopped: false }),
      },
    ]);
  expect(pythonWorkers()).toBe(1);

  // Stop a loop: the interpreter is interrupted (isolated) or replaced (not).
  await loop.getByRole('button', { name: 'Run' }).click();
  await expect(loop.getByText('Running…')).toBeVisible();
  await expect(loop.getByRole('status')).toHaveCount(0); // the cell's own line says it
  // Stop once the loop itself runs (a Stop in the moment before it starts is another test's).
  await expect(output(loop)).toContainText('and counting…');
  await loop.getByRole('button', { name: 'Stop' }).click();
  await runFinished(loop);
  await expect(output(loop)).toContainText(
    isolated(testInfo)
      ? 'Stopped (KeyboardInterrupt). Your variables are kept.'
      : 'Python had to be restarted to stop it',
  );
  await expect
    .poll(async () =>
      (await events()).find((event) => event.id === 'loop' && event.type === 'wheelhouse:run-end'),
    )
    .toMatchObject({
      detail: { ok: false, stopped: true, stateReset: !isolated(testInfo) },
    });

  // Isolated, `count` survived the Stop; otherwise it is gone, but setup ran again.
  await replaceCode(hello, 'print(greet("again"), "count" in globals())');
  await hello.getByRole('button', { name: 'Run' }).click();
  await expect(output(hello)).toHaveText(`Hello, again! ${isolated(testInfo) ? 'True' : 'False'}`);

  // The exercise: the starter fails one check; the fix passes both.
  await exercise.getByRole('button', { name: 'Check' }).click();
  const results = exercise.getByRole('list', { name: 'Check results' });
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await expect(results).toContainText('average([]) should be 0');
  await expect(results).toContainText('ZeroDivisionError: division by zero');
  await replaceCode(
    exercise,
    'def average(values):\n    return sum(values) / len(values) if values else 0',
  );
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByText('All checks pass. Well done!')).toBeVisible();
  await expect
    .poll(async () =>
      (await events())
        .filter((event) => event.type === 'wheelhouse:check')
        .map((event) => [event.id, event.detail.passed]),
    )
    .toEqual([
      ['average', false],
      ['average', true],
    ]);
  // The demo page's own listener recorded it too.
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText('Exercise passed');
});

test('nothing loads until a cell is near; twenty cells share one worker; host styles stay out', async ({
  page,
}, testInfo) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const pythonWorkers = countPythonWorkers(page);
  await page.goto(pageUrl(testInfo, 'fixtures/host-page.html'));
  await expect(page.getByText('print("cell", 20)')).toBeAttached();
  await page.waitForLoadState('networkidle');
  expect(requests.filter((url) => /embed-page-|pyodide|monaco/.test(url))).toEqual([]);
  expect(pythonWorkers()).toBe(0);

  const first = cellNamed(page, 1);
  await page.getByText('print(1 < 2, "cell", 1)').scrollIntoViewIfNeeded();
  await expect(first.getByRole('button', { name: 'Run' })).toBeVisible();

  // Run every cell from script (the element API), most of them never scrolled to.
  const ends = await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll('wheelhouse-cell')].map((element) =>
        (element as HTMLElement & { run(): Promise<{ ok: boolean }> }).run(),
      ),
    ),
  );
  expect(ends.map((end) => end.ok)).toEqual(Array(20).fill(true));
  await expect(output(first)).toHaveText('True cell 1');
  await expect(output(cellNamed(page, 20))).toHaveText('cell 20');
  expect(pythonWorkers()).toBe(1);

  // The host's rules for bare elements do not reach the cell, and the cell's do not leak out.
  const run = first.getByRole('button', { name: 'Run' });
  await expect(run).not.toHaveCSS('background-color', 'rgb(255, 105, 180)');
  await expect(run).not.toHaveCSS('font-size', '30px');
  await expect(output(first).locator('pre')).not.toHaveCSS('background-color', 'rgb(255, 255, 0)');
  await expect(output(first).locator('pre')).toHaveCSS('padding', '0px');
  await expect(first.locator('.monaco-editor .view-line').first()).not.toHaveCSS(
    'letter-spacing',
    '3px',
  );
  await expect(output(first)).toHaveText('True cell 1', { useInnerText: true }); // not upper-cased
  await expect(page.locator('.wheelhouse-embed').first()).not.toHaveCSS(
    'font-family',
    /Comic Sans/,
  );
  await expect(page.locator('#host-button')).toHaveCSS('background-color', 'rgb(255, 105, 180)');
  await expect(page.locator('#host-button')).toHaveCSS('font-size', '30px');
  // theme="dark" on cell 1; the others follow the system (light in this browser).
  await expect(page.locator('.wheelhouse-embed').first()).toHaveCSS(
    'background-color',
    'rgb(17, 19, 24)',
  );
  await expect(page.locator('.wheelhouse-embed').nth(1)).toHaveCSS(
    'background-color',
    'rgb(255, 255, 255)',
  );
});

test('the bundle served from another origin: workers, editor and input()', async ({
  page,
}, testInfo) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(pageUrl(testInfo, 'fixtures/cross-origin.html'));
  const ask = cellNamed(page, 1);
  // Monaco (its CSS, font and worker) works from the other origin: edit the code like a learner.
  await replaceCode(ask, 'name = input("Your name? ")\nprint(f"Hi, {name}!")');
  await ask.getByRole('button', { name: 'Run' }).click();
  const log = output(ask);
  if (isolated(testInfo)) {
    const field = log.getByRole('textbox', { name: 'Input for Python' });
    await expect(field).toBeFocused();
    await field.fill('Grace');
    await field.press('Enter');
    await expect(log).toContainText('Your name? Grace\nHi, Grace!');
  } else {
    await expect(log).toContainText('InputUnavailableError');
    await expect(log).toContainText('not cross-origin isolated');
  }
  await runFinished(ask);
  // Python's worker (and Monaco's, if it started one) came from a same-origin blob that
  // imports the cross-origin script.
  expect(workers.length).toBeGreaterThanOrEqual(1);
  expect(workers.filter((url) => !url.startsWith('blob:'))).toEqual([]);
});

test('packages are installed before the first run', async ({ page }, testInfo) => {
  const lock = await page.request.get(pageUrl(testInfo, lockFilePath().slice(1)));
  const { packages } = (await lock.json()) as { packages: Record<string, { file_name: string }> };
  test.skip(
    ['numpy', 'micropip'].some((name) => /^https?:/.test(packages[name]?.file_name ?? 'https:')),
    'no offline wheels: build with WHEELHOUSE_PYODIDE_PACKAGES naming a folder with numpy and micropip',
  );
  await page.goto(pageUrl(testInfo, 'fixtures/packages.html'));
  const numpy = cellNamed(page, 1);
  await numpy.getByRole('button', { name: 'Run' }).click();
  await expect(output(numpy)).toHaveText('numpy 2.2.5', { timeout: 60_000 });
});
