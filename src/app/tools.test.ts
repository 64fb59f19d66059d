/** The app's tools, as the rest of the app reads them: the lesson format's widgets through the
 * lesson parser, and the lab pages. */
import { existsSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLesson } from '../lessons/parse-lesson';
import type { WidgetTable } from '../shared/tool';
import { findToolPage, loadWidgets, tools } from './tools';

let widgets: WidgetTable;
beforeAll(async () => {
  widgets = await loadWidgets();
});

describe('the tool list', () => {
  it('names each tool, page and widget kind once; a tool is the folder of its name', () => {
    const names = tools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...widgets.keys()]).toEqual(tools.flatMap((tool) => tool.widget?.name ?? []));
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(existsSync(`src/tools/${tool.name}`), tool.name).toBe(true);
      if (tool.page) expect(findToolPage(tool.name)).toBe(tool);
    }
    expect(findToolPage('no-such-lab')).toBeUndefined();
  });

  it("declares each tool's Python modules, and they are the files in its python/ folder", () => {
    for (const tool of tools) {
      const folder = `src/tools/${tool.name}/python`;
      const files = existsSync(folder)
        ? readdirSync(folder).filter((file) => file.endsWith('.py'))
        : [];
      expect(files.map((file) => file.slice(0, -3)).sort(), tool.name).toEqual(
        [...(tool.python?.modules ?? [])].sort(),
      );
    }
  });
});

const lesson = (fence: string) => `---
title: T
summary: S
minutes: 1
---

Some prose.

${fence}
`;

describe('resolver-lab blocks', () => {
  it('place body problems on the lesson file line, through the lesson parser', () => {
    const source = lesson('```resolver-lab\nroot -> a\na 1.0.0 -> b>=>2\n```');
    const { issues } = parseLesson(source, 'x', 'x.md', widgets);
    // The fence opens on line 9; the bad body line is its second (11).
    expect(issues).toEqual([
      { line: 11, message: expect.stringMatching(/^resolver-lab: b:/) as string },
    ]);
    const ok = parseLesson(
      lesson('```resolver-lab preset=diamond mode=compare\n```'),
      'x',
      'x.md',
      widgets,
    );
    expect(ok.issues).toEqual([]);
    expect(ok.lesson?.blocks.at(-1)).toMatchObject({
      kind: 'widget',
      widget: 'resolver-lab',
      attributes: { preset: 'diamond', mode: 'compare' },
    });
    const unknown = parseLesson(lesson('```resolver-lab preset=nope\n```'), 'x', 'x.md', widgets);
    expect(unknown.issues[0]).toMatchObject({ line: 9, field: 'preset' });
  });
});

describe('docker-lab blocks in a lesson', () => {
  it('become widget blocks, and body problems point at lesson lines', () => {
    const lesson = [
      '---',
      'title: Caching',
      'summary: Layers.',
      'minutes: 5',
      '---',
      '',
      '```docker-lab preset=copy-before-install id=first',
      '```',
      '',
      '```docker-lab',
      'dockerfile: |',
      '  FROM python:3.12-slim',
      'target: nowhere',
      '```',
    ].join('\n');
    const parsed = parseLesson(lesson, 'caching', 'caching.md', widgets);
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        line: 13,
        message: expect.stringMatching(/^docker-lab: no stage/),
      }),
    ]);
    const fixed = parseLesson(
      lesson.replace('target: nowhere\n', ''),
      'caching',
      'caching.md',
      widgets,
    );
    expect(fixed.issues).toEqual([]);
    expect(fixed.lesson?.blocks.filter((block) => block.kind === 'widget')).toEqual([
      expect.objectContaining({
        widget: 'docker-lab',
        id: 'first',
        attributes: { preset: 'copy-before-install', id: 'first' },
      }),
      expect.objectContaining({ widget: 'docker-lab', id: 'docker-lab-2' }),
    ]);
  });
});
