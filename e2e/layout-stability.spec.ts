/**
 * The page never jumps while it loads: the lesson's body, its editors (a highlighted view
 * until Monaco arrives), the start page's packs and the learner's progress, and Python's start
 * (the status line in the header) move nothing below the header, on a desktop and on a phone. Measured with the browser's own record of layout
 * shifts (the Layout Instability API).
 */
import { expect, test, type Page } from '@playwright/test';
import { pythonReady } from './helpers';

interface Shift {
  value: number;
  moved: string[];
}

/** Records every layout shift of the page, with the elements that moved, from its first paint. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        value: number;
        sources?: Array<{ node?: Node | null }>;
      }>) {
        const moved = (entry.sources ?? []).map(({ node }) => {
          const element = node instanceof Element ? node : node?.parentElement;
          if (!element) return 'an element no longer in the page';
          return element.closest('main') ? `main: ${element.outerHTML.slice(0, 80)}` : 'header';
        });
        shifts.push({ value: entry.value, moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function contentShifts(page: Page): Promise<Shift[]> {
  // A layout shift is reported with the frame after it: let one more frame pass.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  return shifts.filter((shift) => shift.moved.some((what) => what !== 'header'));
}

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  // The header wraps here: the runtime's status has a line of its own.
  phone: { width: 390, height: 844 },
};

for (const path of ['/lessons/welcome/cells-and-output', '/playground']) {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`${path} does not move its content as its editors and Python load (${name})`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await recordShifts(page);
      await page.goto(path);
      await expect(page.locator('main .monaco-editor').first()).toBeVisible();
      await pythonReady(page);
      expect(await contentShifts(page)).toEqual([]);
    });
  }
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`the start page does not move its content as packs and progress load (${name})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await recordShifts(page);
    // A new learner: "Start here" comes with the packs.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Start here' })).toBeVisible();
    await pythonReady(page);
    expect(await contentShifts(page)).toEqual([]);

    // A returning learner: "Pick up where you left off" comes with them too.
    await page.goto('/lessons/welcome/cells-and-output');
    await expect(page.getByRole('navigation', { name: 'Previous and next lesson' })).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Pick up where you left off' })).toBeVisible();
    await pythonReady(page);
    expect(await contentShifts(page)).toEqual([]);
  });
}
