/**
 * The app's routes, from the location: `/`, `/lessons/<pack>/<lesson>`, `/playground`,
 * `/labs/<name>`.
 * Same-origin link clicks are handled here, so moving between lessons never reloads the page
 * (and the Python worker keeps running).
 */

export type Route =
  | { name: 'catalogue' }
  | { name: 'lesson'; pack: string; lesson: string }
  | { name: 'playground' }
  | { name: 'lab'; lab: string }
  | { name: 'not-found'; path: string };

export function matchRoute(pathname: string, base = '/'): Route {
  const path = `/${pathname.slice(base.length).replace(/^\/+|\/+$/g, '')}`;
  if (path === '/') return { name: 'catalogue' };
  if (path === '/playground') return { name: 'playground' };
  const lab = /^\/labs\/([^/]+)$/.exec(path);
  if (lab) return { name: 'lab', lab: decodeURIComponent(lab[1]!) };
  const lesson = /^\/lessons\/([^/]+)\/([^/]+)$/.exec(path);
  if (lesson) {
    return {
      name: 'lesson',
      pack: decodeURIComponent(lesson[1]!),
      lesson: decodeURIComponent(lesson[2]!),
    };
  }
  return { name: 'not-found', path };
}

export function lessonHref(pack: string, lesson: string, base = import.meta.env.BASE_URL): string {
  return `${base}lessons/${encodeURIComponent(pack)}/${encodeURIComponent(lesson)}`;
}

export class Router {
  route = $state<Route>({ name: 'catalogue' });
  /** The URL's hash without '#', for pages that keep state there (the playground's code). */
  hash = $state('');
  search = $state('');
  #base: string;

  constructor(base = import.meta.env.BASE_URL) {
    this.#base = base;
    this.#read();
  }

  /** Starts listening to history and link clicks; returns a function that stops it. */
  listen(): () => void {
    const onPop = () => this.#read();
    const onClick = (event: MouseEvent) => this.#onClick(event);
    addEventListener('popstate', onPop);
    addEventListener('hashchange', onPop);
    document.addEventListener('click', onClick);
    return () => {
      removeEventListener('popstate', onPop);
      removeEventListener('hashchange', onPop);
      document.removeEventListener('click', onClick);
    };
  }

  navigate(href: string, { replace = false } = {}): void {
    const url = new URL(href, location.href);
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#read();
    if (!url.hash) scrollTo({ top: 0 });
  }

  #read(): void {
    this.route = matchRoute(location.pathname, this.#base);
    this.hash = location.hash.slice(1);
    this.search = location.search;
  }

  #onClick(event: MouseEvent): void {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(this.#base)) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    this.navigate(url.href);
  }
}
