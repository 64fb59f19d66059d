/**
 * Removes inline event-handler attributes (`onerror=`, `onload=`, ...) from HTML before any
 * parser in the page sees it. DOMPurify removes them too, but it has to parse the markup in the
 * page's document first, and browsers with our CSP report a `script-src-attr` violation as soon
 * as such markup is parsed (Chromium 156 does, even into an inert document), so every hostile
 * pack would fill a learner's console. parse5 implements the same HTML parsing algorithm as the
 * browser without a DOM, so the attributes it drops are exactly the ones the browser would
 * create. This is not the sanitiser: what it returns still goes through DOMPurify.
 */
import { parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

function isHandler(name: string): boolean {
  return name.toLowerCase().startsWith('on');
}

/** Whether any element in the tree carries a handler attribute; drops them as it goes. */
function dropHandlers(node: Node): boolean {
  let dropped = false;
  if ('attrs' in node && node.attrs.some((attribute) => isHandler(attribute.name))) {
    node.attrs = node.attrs.filter((attribute) => !isHandler(attribute.name));
    dropped = true;
  }
  // A <template>'s markup lives in its content fragment, not among its children.
  if ('content' in node && dropHandlers(node.content)) dropped = true;
  if ('childNodes' in node) {
    for (const child of node.childNodes) if (dropHandlers(child)) dropped = true;
  }
  return dropped;
}

export function withoutEventHandlers(html: string): string {
  // Scripting off, as in DOMParser and a template's content: <noscript> holds markup then.
  const fragment = parseFragment(html, { scriptingEnabled: false });
  // Markup without handlers is returned exactly as written.
  return dropHandlers(fragment) ? serialize(fragment, { scriptingEnabled: false }) : html;
}
