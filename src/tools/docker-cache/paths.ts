/** Slash-separated path helpers with Go's `path.Clean` semantics, which Docker applies everywhere. */

/** Go's path.Clean: collapse `//`, drop `.`, resolve `..`, no trailing slash; "" becomes ".". */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** A context path as Docker sees it: relative to the context root, cleaned, no leading `/`. */
export function contextPath(path: string): string {
  const cleaned = cleanPath(path);
  if (cleaned === '/') return '.';
  return cleaned.startsWith('/') ? cleaned.slice(1) : cleaned;
}

/** Resolve `path` against the absolute directory `cwd` (container paths). */
export function resolveIn(cwd: string, path: string): string {
  if (path.startsWith('/')) return cleanPath(path);
  return cleanPath((cwd === '' ? '/' : cwd) + '/' + path);
}

/** True when `inner` is `outer` itself or lies below it. */
export function isWithin(inner: string, outer: string): boolean {
  if (outer === '.' || outer === '/') return true;
  return inner === outer || inner.startsWith(outer.endsWith('/') ? outer : outer + '/');
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash === -1 ? trimmed : trimmed.slice(slash + 1);
}
