/**
 * Lesson Markdown to HTML that is safe to insert: marked renders, DOMPurify removes anything
 * that could run (script, event handlers, javascript: URLs, SVG/MathML payloads, forms).
 *
 * Markup with an event-handler attribute must not reach a parser in the page at all (browsers
 * with our CSP report it as soon as it is parsed; event-handlers.ts), so raw HTML that could
 * carry attributes goes through a DOM-free pre-pass first. That pass is loaded only for
 * lessons that need it (`prepareMarkdown`): most have no raw HTML, or only bare tags such as
 * `<kbd>`. Browser only (DOMPurify needs a DOM).
 */
import DOMPurify from 'dompurify';
import { Marked, type Token } from 'marked';
import type { Block, Lesson } from './model';

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

let withoutEventHandlers: ((html: string) => string) | undefined;

/** A tag with no attributes (`<kbd>`, `</kbd>`, `<br/>`): it cannot carry a handler. */
const BARE_TAG = /<\/?[a-z][a-z0-9-]*\s*\/?>/gi;

/**
 * Whether the author wrote raw HTML that is more than bare tags. Only raw HTML can put an
 * attribute in marked's output that marked did not write (it escapes everything else), so
 * Markdown without it never needs the pre-pass. A bare tag cannot leave a tag open either.
 */
function needsPrepass(tokens: Token[]): boolean {
  let needed = false;
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'html' && token.raw.replace(BARE_TAG, '').includes('<')) needed = true;
  });
  return needed;
}

/** Every piece of Markdown a lesson renders: prose, and its exercises' prompts and hints. */
export function lessonMarkdown(lesson: Lesson): string[] {
  return lesson.blocks.flatMap((block) => {
    if (block.kind === 'prose') return [block.markdown];
    if (block.kind === 'exercise') return [block.prompt, ...block.hints];
    return [];
  });
}

/** Loads the pre-pass if any of these texts needs it; renderMarkdown can then render them. */
export async function prepareMarkdown(markdowns: readonly string[]): Promise<void> {
  if (withoutEventHandlers || !markdowns.some((text) => needsPrepass(marked.lexer(text)))) return;
  withoutEventHandlers = (await import('./event-handlers')).withoutEventHandlers;
}

/** Where DOMPurify cannot work (it says so), nothing is rendered as HTML: text only. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderMarkdown(markdown: string): string {
  if (!purify.isSupported) return `<pre>${escape(markdown)}</pre>`;
  const tokens = marked.lexer(markdown);
  let html = marked.parser(tokens);
  if (needsPrepass(tokens)) {
    // Not prepared (a caller skipped prepareMarkdown): show the text rather than take a risk.
    if (!withoutEventHandlers) return `<pre>${escape(markdown)}</pre>`;
    html = withoutEventHandlers(html);
  }
  return purify.sanitize(html);
}

/**
 * The level of each block's own heading (an exercise's title, a lab's): one below the last
 * heading in the prose before it, the lesson's title being the h1. Exercises and labs then
 * nest in the section they belong to, and the page's outline never skips a level.
 */
export function blockHeadingLevels(blocks: readonly Block[]): number[] {
  let section = 1;
  return blocks.map((block) => {
    const level = Math.min(section + 1, 6);
    if (block.kind === 'prose') {
      marked.walkTokens(marked.lexer(block.markdown), (token) => {
        if (token.type === 'heading') section = (token as { depth: number }).depth;
      });
    }
    return level;
  });
}
