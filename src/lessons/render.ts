/**
 * Lesson Markdown to HTML that is safe to insert: marked renders, DOMPurify removes anything
 * that could run (script, event handlers, javascript: URLs, SVG/MathML payloads, forms).
 * Browser only (DOMPurify needs a DOM).
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const purify = DOMPurify(window);
purify.setConfig({
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
  ],
  FORBID_ATTR: ['style'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[\w-]+(?:\/|$|#))/i,
});
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Where DOMPurify cannot work (it says so), nothing is rendered as HTML: text only. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderMarkdown(markdown: string): string {
  if (!purify.isSupported) return `<pre>${escape(markdown)}</pre>`;
  return purify.sanitize(marked.parse(markdown) as string);
}

export function renderInlineMarkdown(markdown: string): string {
  if (!purify.isSupported) return escape(markdown);
  return purify.sanitize(marked.parseInline(markdown) as string);
}
