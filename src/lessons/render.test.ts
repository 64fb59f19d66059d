// @vitest-environment jsdom
/** Lesson Markdown can never put script in the page: fuzzed with known payloads. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { withoutEventHandlers } from './event-handlers';
import type { Block } from './model';
import { blockHeadingLevels, prepareMarkdown, renderMarkdown } from './render';
import { PAYLOADS } from './xss-payloads';

function inert(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  const problems: string[] = [];
  for (const element of doc.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (
      ['script', 'iframe', 'object', 'embed', 'form', 'style', 'base', 'meta', 'input'].includes(
        tag,
      )
    ) {
      problems.push(`<${tag}>`);
    }
    for (const attribute of element.attributes) {
      // Browsers ignore whitespace and control characters inside a URL's scheme.
      const value = [...attribute.value]
        .filter((char) => char.charCodeAt(0) > 32)
        .join('')
        .toLowerCase();
      if (attribute.name.startsWith('on')) problems.push(`${tag}[${attribute.name}]`);
      if (attribute.name === 'style') problems.push(`${tag}[style]`);
      // An image's data: URL is fine (even SVG cannot run script as an <img>); nothing else is.
      const image = tag === 'img' && attribute.name === 'src' && value.startsWith('data:image/');
      const scheme = /^(javascript|vbscript|data):/.test(value);
      if (!image && scheme && /href|src|action|data/.test(attribute.name)) {
        problems.push(`${tag}[${attribute.name}=${attribute.value}]`);
      }
    }
  }
  return problems;
}

const hostilePack = readFileSync('e2e/fixtures/hostile-pack/payloads.md', 'utf8');

beforeAll(() => prepareMarkdown([...PAYLOADS, hostilePack]));

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('renders %s inert', (payload) => {
    expect(inert(renderMarkdown(`Some text ${payload} more`))).toEqual([]);
    expect(inert(renderMarkdown(payload))).toEqual([]);
  });

  it('keeps ordinary Markdown: links, code, tables, external links in a new tab', () => {
    const html = renderMarkdown(
      'A [lesson](other-lesson) and [docs](https://docs.python.org).\n\n`code`\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<a href="other-lesson">lesson</a>');
    expect(html).toContain(
      '<a href="https://docs.python.org" target="_blank" rel="noopener noreferrer">docs</a>',
    );
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<table>');
  });

  it('stays inert for any mix of payloads and text', () => {
    const pieces = fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('\n', '\n\n', '> ', '- ', '```\n', '<', '>', '"', "'"),
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }),
        (parts) => inert(renderMarkdown(parts.join(''))).length === 0,
      ),
      { numRuns: 300 },
    );
  });
});

/** Every element of `html` as a browser parses it, template contents included. */
function handlerAttributes(html: string): string[] {
  const found: string[] = [];
  const visit = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(attribute.name);
      }
      if (element instanceof HTMLTemplateElement) visit(element.content);
    }
  };
  visit(new DOMParser().parseFromString(html, 'text/html'));
  return found;
}

describe('no event-handler markup reaches a parser in the page', () => {
  /** What DOMPurify is given to parse while `render` runs. */
  function parsedWhile(render: () => void): string[] {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
    try {
      render();
      return parse.mock.calls.map(([markup]) => String(markup));
    } finally {
      parse.mockRestore();
    }
  }

  it.each([...PAYLOADS, hostilePack])('%s', (markdown) => {
    const parsed = parsedWhile(() => renderMarkdown(markdown));
    expect(parsed.length).toBeGreaterThan(0);
    for (const markup of parsed) expect(handlerAttributes(markup)).toEqual([]);
  });

  it('for any mix of payloads and text', () => {
    const pieces = fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('\n', '\n\n', '<svg>', '<template>', '<math>', '<noscript>', ' on', '='),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) =>
        parsedWhile(() => renderMarkdown(parts.join(''))).every(
          (markup) => handlerAttributes(markup).length === 0,
        ),
      ),
      { numRuns: 300 },
    );
  });
});

describe('withoutEventHandlers', () => {
  it('returns markup without handlers exactly as written', () => {
    const html =
      '<p>One <em>two</em> &amp; <a href="x">three</a></p>\n<pre><code>a &lt; b</code></pre>\n';
    expect(withoutEventHandlers(html)).toBe(html);
  });

  it('drops only the handlers, in HTML, SVG and template content, and keeps the text', () => {
    const html =
      '<p onclick="x()" title="t">Hello <b ONMOUSEOVER=y>world</b></p>' +
      '<svg onload="z"><circle r="4"></circle></svg><template><img src="a" onerror="w"></template>';
    expect(withoutEventHandlers(html)).toBe(
      '<p title="t">Hello <b>world</b></p><svg><circle r="4"></circle></svg>' +
        '<template><img src="a"></template>',
    );
  });

  it('reads <noscript> as markup, as the page parses it with scripting off', () => {
    const html = '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>';
    expect(handlerAttributes(withoutEventHandlers(html))).toEqual([]);
  });
});

describe('the pre-pass loads only for lessons that need it', () => {
  async function freshRender() {
    vi.resetModules();
    return import('./render');
  }

  it('is not needed for plain Markdown or bare tags such as <kbd>', async () => {
    const render = await freshRender();
    const texts = ['Press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.', '# Title\n\n`a < b` and [x](y)'];
    await render.prepareMarkdown(texts);
    expect(render.renderMarkdown(texts[0]!)).toBe(
      '<p>Press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>.</p>\n',
    );
    // Not loaded: raw HTML with attributes, unprepared, is shown as text instead.
    expect(render.renderMarkdown('<b title="x">bold</b>')).toBe(
      '<pre>&#60;b title=&#34;x&#34;&#62;bold&#60;/b&#62;</pre>',
    );
  });

  it('is loaded for raw HTML with attributes, or that leaves a tag open', async () => {
    for (const text of ['<b title="x">bold</b>', '<div title="\n\n[x](onclick=y)']) {
      const render = await freshRender();
      await render.prepareMarkdown(['plain', text]);
      expect(render.renderMarkdown(text)).not.toContain('<pre>');
    }
  });
});

describe('blockHeadingLevels', () => {
  const prose = (markdown: string): Block => ({ kind: 'prose', line: 1, markdown });
  const widget: Block = { kind: 'widget', line: 1, widget: 'x', id: 'x', attributes: {}, body: '' };

  it('puts a block one level below the last heading before it, under the h1 at first', () => {
    const blocks = [
      widget,
      prose('Intro.\n\n## A section\n\nText.'),
      widget,
      prose('### A sub-section'),
      widget,
      prose('Setext heading\n---\n\n```\n# a comment in code, not a heading\n```'),
      widget,
    ];
    const levels = blockHeadingLevels(blocks);
    expect([levels[0], levels[2], levels[4], levels[6]]).toEqual([2, 3, 4, 3]);
  });

  it('stops at h6', () => {
    expect(blockHeadingLevels([prose('###### Deep'), widget])[1]).toBe(6);
  });
});
