/**
 * Hostile programs, in both isolation modes: for each, the page stays responsive, Stop works
 * when needed, Python recovers (keeping variables where it can, otherwise saying it reset),
 * and the learner's code is still in the editor.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorText, focusEditor, isolated, output, replaceCode, runFinished } from './helpers';

interface Case {
  name: string;
  code: string;
  /** The program never ends by itself: press Stop once it runs (and shows this, if given). */
  stop?: boolean;
  before?: RegExp;
  /** Text the Output must show afterwards. */
  shows: RegExp | string;
  /** Variables survive (per mode). */
  keeps: (isolatedPage: boolean) => boolean;
  onlyIsolated?: string;
}

const CASES: Case[] = [
  {
    name: 'an endless loop',
    code: 'while True:\n    pass',
    stop: true,
    shows: /Stopped/,
    keeps: (iso) => iso,
  },
  {
    name: 'an endless print loop',
    code: 'while True:\n    print("x")',
    stop: true,
    before: /earlier lines hidden/,
    shows: /Stopped/,
    keeps: (iso) => iso,
  },
  {
    name: 'deep recursion after raising the limit',
    code: 'import sys\nsys.setrecursionlimit(10**6)\ndef dive(n):\n    return dive(n + 1)\ndive(0)',
    shows: 'RecursionError: maximum recursion depth exceeded',
    keeps: () => true,
  },
  {
    name: 'allocating gigabytes',
    code: 'blocks = []\nwhile True:\n    blocks.append(bytearray(2**30))',
    shows: 'MemoryError',
    keeps: () => true,
  },
  {
    name: 'os._exit',
    code: 'import os\nos._exit(1)',
    shows: 'Program exited with code 1',
    keeps: () => true,
  },
  {
    name: 'closing the worker from Python',
    code: 'import js\njs.close()',
    shows: 'js.close() would end the interpreter',
    keeps: () => true,
  },
  {
    name: 'Stop while blocked in input()',
    code: 'answer = input("Waiting: ")',
    stop: true,
    shows: 'Stopped (KeyboardInterrupt)',
    keeps: () => true,
    onlyIsolated: 'input() waits for an answer only on an isolated page',
  },
  {
    name: '10 MB of output in one print',
    code: 'print("x" * 10_000_000)\nprint("end")',
    shows: /…x+\nend/,
    keeps: () => true,
  },
  {
    name: '10,000 files in the virtual file system',
    code: 'import os\nos.makedirs("many", exist_ok=True)\nfor i in range(10_000):\n    with open(f"many/{i}.txt", "w") as f:\n        f.write(str(i))\nprint(len(os.listdir("many")))',
    shows: '10000',
    keeps: () => true,
  },
];

async function setVariable(page: Page) {
  const region = page.getByRole('region', { name: 'Playground code' });
  await replaceCode(region, 'kept = 42');
  await region.getByRole('button', { name: 'Run' }).click();
  await runFinished(region);
}

for (const item of CASES) {
  test(`survives ${item.name}`, async ({ page }, testInfo) => {
    test.skip(Boolean(item.onlyIsolated) && !isolated(testInfo), item.onlyIsolated ?? '');
    await page.goto('/playground');
    await setVariable(page);
    const region = page.getByRole('region', { name: 'Playground code' });
    await replaceCode(region, item.code);
    await region.getByRole('button', { name: 'Run' }).click();
    if (item.stop) {
      await expect(region.getByText(/Running…|Waiting for input…/)).toBeVisible();
      if (item.before) await expect(output(page)).toContainText(item.before);
      await region.getByRole('button', { name: 'Stop' }).click();
    }
    await runFinished(region);
    await expect(output(page)).toContainText(item.shows);
    if (item.stop && !isolated(testInfo))
      await expect(output(page)).toContainText('Python had to be restarted');
    // The learner's code is untouched.
    await focusEditor(region);
    await expect
      .poll(() => editorText(region))
      .toBe(item.code.split('\n').slice(0, 4).join('\n').length > 0 ? item.code : '');
    // Python answers again, with or without the earlier variables as promised.
    await expect(page.getByRole('status')).toContainText('ready');
    await replaceCode(region, 'print(globals().get("kept"))');
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(output(page)).toHaveText(item.keeps(isolated(testInfo)) ? '42' : 'None');
  });
}
