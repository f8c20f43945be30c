/**
 * A new deployment's service worker that waits (see sw.ts): the page offers to switch to it. The
 * user chooses the moment, since switching reloads the page (a run training then goes on from its
 * last checkpoint; the design and the runs are kept). A tiny store of its own, outside zustand, so
 * the first paint's bundle pays a few hundred bytes for it.
 */
let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

export const updateReady = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Whether a new version waits (for useSyncExternalStore). */
  isReady: (): boolean => waiting !== null,
  /** Switches to the waiting worker, and reloads once it controls the page. */
  apply(): void {
    if (!waiting) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
    waiting.postMessage({ type: 'skipWaiting' });
  },
};

/** Follows `registration`: a worker installed while another controls the page is offered. */
export function watchForUpdate(registration: ServiceWorkerRegistration): void {
  const offer = () => {
    if (!registration.waiting || !navigator.serviceWorker.controller) return;
    waiting = registration.waiting;
    for (const listener of listeners) listener();
  };
  offer();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer();
    });
  });
}
