/**
 * Registers the service worker and offers an update when a new version is waiting. The new
 * version only takes over when the learner says so (the page then reloads), so a page never
 * runs code from two versions.
 */
import { Workbox } from 'workbox-window';

export class OfflineSupport {
  /** A new version is installed and waits for the learner's go-ahead. */
  updateReady = $state(false);
  #workbox: Workbox | undefined;

  /**
   * The worker is what makes this page cross-origin isolated (a host without header control):
   * it must register at once, since the page reloads when it takes control.
   */
  get urgent(): boolean {
    return import.meta.env.VITE_ISOLATE_VIA_SW === 'true' && !crossOriginIsolated;
  }

  /** Registers (once; later calls do nothing). */
  start(): void {
    if (this.#workbox || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`, {
      scope: import.meta.env.BASE_URL,
    });
    this.#workbox = workbox;
    workbox.addEventListener('waiting', () => (this.updateReady = true));
    workbox.addEventListener('controlling', () => {
      // A page that was not isolated becomes isolated once the worker adds the headers
      // (once: a browser that still refuses must not reload forever).
      const tried = sessionStorage.getItem('wheelhouse-isolation-reload');
      if (import.meta.env.VITE_ISOLATE_VIA_SW === 'true' && !crossOriginIsolated && !tried) {
        sessionStorage.setItem('wheelhouse-isolation-reload', '1');
        location.reload();
      }
    });
    // Registration can be refused (blocked by policy, private modes): the app works without it.
    workbox.register().catch(() => {});
  }

  /** Activates the waiting version, then reloads into it. */
  update(): void {
    const workbox = this.#workbox;
    if (!workbox) return;
    workbox.addEventListener('controlling', () => location.reload());
    workbox.messageSkipWaiting();
  }
}
