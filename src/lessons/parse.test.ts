import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInfo } from './attributes';
import { parseLesson } from './parse-lesson';
import { formatIssue, parsePack } from './parse-pack';
import { scaffoldFiles } from './scaffold';
import { splitSegments } from './segments';

/** The lesson format alone: widget kinds come from the app's tools (tested in src/app). */
const NO_WIDGETS = new Map();

function folder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

const FRONT = '---\ntitle: T\nsummary: S\nminutes: 3\n---\n';

describe('parseInfo', () => {
  it('splits words from key=value attributes, with quotes', () => {
    expect(parseInfo('python run id=greet title="Say \\"hi\\"" expect-error')).toEqual({
      words: ['python', 'run', 'expect-error'],
      attributes: { id: 'greet', title: 'Say "hi"' },
    });
    expect(parseInfo("toml file=pyproject.toml title='A b'")).toEqual({
      words: ['toml'],
      attributes: { file: 'pyproject.toml', title: 'A b' },
    });
  });
});

describe('splitSegments', () => {
  it('keeps ::: inside a code fence as code and reports lines', () => {
    const source =
      'text\n```python run\nprint(":::")\n:::\n```\n::: exercise id=a\n```python starter\nx\n```\n:::\n';
    const { segments, errors } = splitSegments(source, 10);
    expect(errors).toEqual([]);
    expect(segments.map((segment) => [segment.type, segment.line])).toEqual([
      ['prose', 10],
      ['fence', 11],
      ['container', 15],
    ]);
    expect(segments[1]).toMatchObject({ code: 'print(":::")\n:::' });
  });

  it('reports unclosed fences and containers, and stray closers', () => {
    expect(splitSegments(':::\n').errors).toEqual([
      { line: 1, message: 'this ":::" closes nothing: no container is open' },
    ]);
    expect(splitSegments('::: exercise id=x\ntext\n').errors[0]).toMatchObject({ line: 1 });
    expect(splitSegments('```python\nx = 1\n').errors[0]).toMatchObject({ line: 1 });
  });

  it('allows longer fences to contain shorter ones', () => {
    const { segments } = splitSegments('````markdown\n```python\nx\n```\n````\n');
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ type: 'fence', code: '```python\nx\n```' });
  });
});

describe('parseLesson', () => {
  it('turns fences into cells, examples and exercises', () => {
    const source = `${FRONT}Intro\n\n\`\`\`python run input="a|b"\nprint(1)\n\`\`\`\n\n\`\`\`python\nexample()\n\`\`\`\n\n::: exercise id=ex title="Ex"\nDo it.\n\n\`\`\`python starter\nx = 0\n\`\`\`\n\`\`\`python solution\nx = 1\n\`\`\`\n\`\`\`python checks\nassert x == 1\n\`\`\`\n\`\`\`markdown hint\nSet x.\n\`\`\`\n:::\n`;
    const { lesson, issues } = parseLesson(source, 'l', 'l.md', NO_WIDGETS);
    expect(issues).toEqual([]);
    expect(lesson!.blocks.map((block) => block.kind)).toEqual([
      'prose',
      'cell',
      'example',
      'exercise',
    ]);
    expect(lesson!.blocks[1]).toMatchObject({
      id: 'cell-1',
      line: 8,
      input: ['a', 'b'],
      expectError: false,
    });
    expect(lesson!.blocks[3]).toMatchObject({
      id: 'ex',
      title: 'Ex',
      language: 'python',
      prompt: 'Do it.\n\n',
      starter: 'x = 0',
      solution: 'x = 1',
      checks: 'assert x == 1',
      hints: ['Set x.'],
    });
  });

  it('parses projects with one entry file', () => {
    const source = `${FRONT}::: project title="Layout"\n\`\`\`toml file=pyproject.toml readonly\n[project]\n\`\`\`\n\`\`\`python file=src/app/main.py run\nprint(1)\n\`\`\`\n:::\n`;
    const { lesson, issues } = parseLesson(source, 'l', 'l.md', NO_WIDGETS);
    expect(issues).toEqual([]);
    expect(lesson!.blocks[0]).toMatchObject({
      kind: 'project',
      id: 'project-1',
      entry: 'src/app/main.py',
      files: [
        { path: 'pyproject.toml', language: 'toml', readOnly: true },
        { path: 'src/app/main.py', language: 'python', readOnly: false },
      ],
    });
  });

  it('names the line of every mistake', () => {
    const source = `${FRONT}\`\`\`python run id=Bad_Id\nx\n\`\`\`\n\`\`\`python solution\nx\n\`\`\`\n::: project\n\`\`\`python\nno file\n\`\`\`\n:::\n\`\`\`javascript run\nx\n\`\`\`\n`;
    const { issues } = parseLesson(source, 'l', 'l.md', NO_WIDGETS);
    expect(issues.map((issue) => [issue.line, issue.message])).toEqual([
      [6, 'attribute id: use lowercase letters, digits and hyphens (like "first-steps")'],
      [9, 'a "solution" block belongs inside a "::: exercise" container'],
      [13, 'every code block in a project needs file=<path>'],
      [12, 'this project has no files'],
      [12, 'exactly one file in a project is marked "run" (found 0)'],
      [17, 'only python blocks can run (this one is "javascript")'],
    ]);
  });

  it('requires front matter with valid fields', () => {
    expect(parseLesson('# no front matter', 'l', 'l.md', NO_WIDGETS).issues[0]).toMatchObject({
      line: 1,
    });
    const { issues } = parseLesson(
      '---\ntitle: T\nsummary: S\nminutes: 0\nextra: 1\n---\n',
      'l',
      'l.md',
      NO_WIDGETS,
    );
    expect(issues).toEqual([
      { line: 4, field: 'minutes', message: 'Too small: expected number to be >=1' },
      {
        line: 5,
        field: 'extra',
        message: 'unknown field "extra" (allowed: title, summary, minutes)',
      },
    ]);
  });

  it('rejects duplicate ids', () => {
    const source = `${FRONT}\`\`\`python run id=a\nx\n\`\`\`\n\`\`\`python run id=a\ny\n\`\`\`\n`;
    expect(parseLesson(source, 'l', 'l.md', NO_WIDGETS).issues).toEqual([
      { line: 9, field: 'id', message: 'id "a" is already used on line 6' },
    ]);
  });
});

describe('parsePack', () => {
  it('loads the built-in welcome pack and the scaffold without issues', () => {
    const welcome = parsePack(folder('lessons/welcome'), 'welcome', NO_WIDGETS);
    expect(welcome.issues).toEqual([]);
    expect(welcome.pack!.lessons.length).toBeGreaterThanOrEqual(2);
    expect(parsePack(scaffoldFiles('demo'), 'demo', NO_WIDGETS).issues).toEqual([]);
  });

  it('reports every problem of the broken fixture with file, line and field', () => {
    const parsed = parsePack(folder('e2e/fixtures/broken-pack'), 'broken-pack', NO_WIDGETS);
    expect(parsed.pack).toBeUndefined();
    expect(parsed.issues.map(formatIssue)).toEqual([
      'broken-pack/pack.yaml:1 (title): is required',
      'broken-pack/pack.yaml:2 (titel): unknown field "titel" (did you mean "title"?)',
      'broken-pack/pack.yaml:4 (version): should be text, not a number (put it in quotes, like "1.0.0")',
      'broken-pack/pack.yaml:5 (authors): should be a list, not text',
      'broken-pack/pack.yaml:9 (lessons.1): no file missing-lesson.md beside pack.yaml',
      'broken-pack/intro.md:4 (minutes): should be a number, not text',
      'broken-pack/intro.md:9: this exercise has no "```python solution" block',
      'broken-pack/intro.md:21: unknown container "quiz" (allowed: exercise, project)',
      'broken-pack/intro.md:25: the code block opened here (```) is never closed',
    ]);
  });

  it('reports YAML syntax errors on their line, and a missing manifest', () => {
    const parsed = parsePack({ 'pack.yaml': 'id: x\ntitle: [unclosed\n' }, 'x', NO_WIDGETS);
    // The YAML parser notices the missing ] where the input ends.
    expect(parsed.issues[0]).toMatchObject({ file: 'pack.yaml', line: 3 });
    expect(parsed.issues[0]!.message).toMatch(/^YAML: /);
    expect(parsePack({ 'a.md': FRONT }, 'folder', NO_WIDGETS).issues[0]).toMatchObject({
      pack: 'folder',
      file: 'pack.yaml',
      line: 1,
    });
  });

  it('refuses lessons that are not listed and files that are too large', () => {
    const files = { ...scaffoldFiles('demo'), 'extra.md': FRONT, 'big.md': 'x'.repeat(600 * 1024) };
    const messages = parsePack(files, 'demo', NO_WIDGETS).issues.map((issue) => issue.message);
    expect(messages).toContain('extra.md is not listed in pack.yaml "lessons"');
    expect(messages).toContain('file is 600 KiB; the limit is 512 KiB');
  });
});
