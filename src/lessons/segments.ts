/**
 * Splits lesson Markdown into prose, fenced code blocks and `:::` containers, with the line
 * each starts on. Containers (`::: exercise id=x` ... `:::`) hold prose and fences of their own;
 * `:::` lines inside a code fence are code, not containers.
 */
import { parseInfo, type ParsedInfo } from './attributes';

export interface Fence extends ParsedInfo {
  type: 'fence';
  line: number;
  info: string;
  code: string;
}

export interface Prose {
  type: 'prose';
  line: number;
  markdown: string;
}

export interface Container extends ParsedInfo {
  type: 'container';
  line: number;
  endLine: number;
  children: Array<Fence | Prose>;
}

export type Segment = Fence | Prose | Container;

export interface SegmentError {
  line: number;
  message: string;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*(.*)$/;
const CONTAINER_OPEN = /^:::\s*([a-z][\w-]*.*)$/i;
const CONTAINER_CLOSE = /^:::\s*$/;

export function splitSegments(
  source: string,
  firstLine = 1,
): { segments: Segment[]; errors: SegmentError[] } {
  const lines = source.split('\n');
  const segments: Segment[] = [];
  const errors: SegmentError[] = [];
  let container: Container | undefined;
  let prose: Prose | undefined;

  const target = () => (container ? container.children : segments);
  const endProse = () => {
    if (prose && prose.markdown.trim()) target().push(prose);
    prose = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const line = firstLine + i;
    const fence = FENCE_OPEN.exec(text);
    if (fence) {
      endProse();
      const [, indent, marker, info] = fence;
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        const inner = lines[i]!;
        const close = new RegExp(`^ {0,3}${marker![0]}{${marker!.length},}\\s*$`);
        if (close.test(inner)) {
          closed = true;
          break;
        }
        body.push(inner.startsWith(indent!) ? inner.slice(indent!.length) : inner.trimStart());
      }
      if (!closed)
        errors.push({ line, message: `the code block opened here (${marker}) is never closed` });
      target().push({
        type: 'fence',
        line,
        info: info!.trim(),
        code: body.join('\n'),
        ...parseInfo(info!),
      });
      continue;
    }
    if (CONTAINER_CLOSE.test(text)) {
      endProse();
      if (!container) {
        errors.push({ line, message: 'this ":::" closes nothing: no container is open' });
        continue;
      }
      container.endLine = line;
      segments.push(container);
      container = undefined;
      continue;
    }
    const open = CONTAINER_OPEN.exec(text);
    if (open) {
      endProse();
      if (container) {
        errors.push({
          line,
          message: `containers cannot be nested: close the one opened on line ${container.line} with ":::" first`,
        });
        continue;
      }
      container = { type: 'container', line, endLine: line, children: [], ...parseInfo(open[1]!) };
      continue;
    }
    prose ??= { type: 'prose', line, markdown: '' };
    prose.markdown += `${text}\n`;
  }
  endProse();
  if (container) {
    errors.push({
      line: container.line,
      message: `the "${container.words[0]}" container opened here is never closed with ":::"`,
    });
    segments.push(container);
  }
  return { segments, errors };
}
