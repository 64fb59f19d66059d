/**
 * Reads what the page author wrote: a cell's code and checks, the page's setup code, and
 * `<pre data-wheelhouse>` blocks to turn into cells. Python sits in the page either as text
 * (HTML-escaped: `&lt;` for `<`) or, unescaped, in `<script type="text/x-python">`.
 */
import type { CellSource } from './embed-page';
import { dedent } from './options';

const PYTHON_SCRIPT = 'script[type="text/x-python"]';

export function readCellSource(
  element: HTMLElement,
  checkId: string | null,
): CellSource & { warnings: string[] } {
  const warnings: string[] = [];
  const scripts = [...element.querySelectorAll<HTMLScriptElement>(`:scope > ${PYTHON_SCRIPT}`)];
  const codeScript = scripts.find((script) => !script.hasAttribute('data-check'));
  const checkScript = scripts.find((script) => script.hasAttribute('data-check'));
  let code: string;
  if (codeScript) {
    code = codeScript.text;
  } else {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(`:scope > ${PYTHON_SCRIPT}`).forEach((script) => script.remove());
    code = copy.textContent ?? '';
  }
  let checks: string | null = checkScript?.text ?? null;
  if (checkId !== null) {
    const holder = element.ownerDocument.getElementById(checkId);
    if (holder) checks = holder.textContent ?? '';
    else warnings.push(`check="${checkId}": no element has that id`);
  }
  return { code: dedent(code), checks: checks === null ? null : dedent(checks), warnings };
}

/** The page's setup code: every `<script type="text/x-python" data-wheelhouse-setup>`. */
export function readSetupCode(document: Document): string[] {
  return [
    ...document.querySelectorAll<HTMLScriptElement>(`${PYTHON_SCRIPT}[data-wheelhouse-setup]`),
  ]
    .map((script) => dedent(script.text))
    .filter(Boolean);
}

/** Turns each `<pre data-wheelhouse>` under `root` into a `<wheelhouse-cell>` with its attributes. */
export function upgradePreBlocks(root: ParentNode = document): void {
  for (const pre of root.querySelectorAll('pre[data-wheelhouse]')) {
    const cell = pre.ownerDocument.createElement('wheelhouse-cell');
    for (const { name, value } of pre.attributes) {
      if (name !== 'data-wheelhouse') cell.setAttribute(name, value);
    }
    cell.append(...pre.childNodes);
    pre.replaceWith(cell);
  }
}

/** Runs `then` once the page has been parsed (module scripts usually run after that anyway). */
export function whenParsed(document: Document, then: () => void): void {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', then, { once: true });
  } else {
    then();
  }
}
