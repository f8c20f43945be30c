/**
 * Registers the service worker that keeps the app shell for offline use. Called from main.tsx in
 * production builds only: the dev server has no sw.js, and unit tests never load main.tsx.
 *
 * Browsers allow service workers on https:// and on http://localhost or 127.0.0.1 only. Served over
 * plain http from another address (a classroom machine on the LAN), `navigator.serviceWorker` is
 * missing and the app simply works online, as without this file.
 */
import { watchForUpdate } from './updateReady';

/** How long after the load event the service worker is registered. */
const REGISTER_DELAY_MS = 4000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // Relative to the page, so the worker's scope is the folder the app is served from.
  const url = new URL('sw.js', document.baseURI);
  const register = (): void => {
    navigator.serviceWorker.register(url).then(watchForUpdate, (error: unknown) => {
      // Offline use is a bonus: a refusal (private window, storage disabled) must not break the app.
      console.warn(
        `LayerLab works online only: the service worker was refused (${String(error)}).`,
      );
    });
  };
  // Well after the page's own downloads: precaching fetches and compiles every chunk (the
  // training worker's 2.2 MB among them), which on a 2-core laptop held up the first Train's
  // start by about a second. A few seconds later it competes with nothing a student waits for.
  const later = (): void => {
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(register, { timeout: 5000 });
      else register();
    }, REGISTER_DELAY_MS);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
