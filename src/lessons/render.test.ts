// @vitest-environment jsdom
/** Lesson Markdown can never put script in the page: fuzzed with known payloads. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from './render';

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '[click](javascript:window.__pwned=1)',
  '[click](JaVaScRiPt:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<style>body { display: none }</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<details open ontoggle="alert(1)">x</details>',
  '<input autofocus onfocus="alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<<script>script>alert(1)<</script>/script>',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
];

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

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('renders %s inert', (payload) => {
    expect(inert(renderMarkdown(`Some text ${payload} more`))).toEqual([]);
    expect(inert(renderMarkdown(payload))).toEqual([]);
    expect(inert(renderInlineMarkdown(payload))).toEqual([]);
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
