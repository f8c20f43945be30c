/// <reference lib="webworker" />
/**
 * LayerLab's service worker, built by vite-plugin-pwa (injectManifest) into `sw.js` beside
 * index.html; `self.__WB_MANIFEST` becomes the list of the build's files at build time.
 *
 * - The app shell (index.html, every JS/CSS chunk including the training worker, wasm if any) is
 *   precached. Its URLs are relative to sw.js, so it works from whatever folder the app is served.
 * - Pages come from the network first, so a new deployment shows on the next load; offline (or
 *   when the network hangs) the precached index.html answers instead.
 * - Datasets are not touched: the training worker keeps each file it downloads in Cache Storage
 *   itself (`layerlab-datasets-v1`, src/workers/datasetCache.ts) and reads it from there first, so
 *   a dataset used once works offline. A second copy here would only double ~8 MB of MNIST.
 * - A new deployment's worker waits until every tab of the old one is closed (no skipWaiting): an
 *   open tab keeps the worker and the precache its chunks came from, so a part it loads later (the
 *   graph view, the WASM files, a restarted training worker) is still there. A reload meanwhile
 *   gets the new page and its files from the network (pages come from the network first), or
 *   offline the old version whole. The page offers "Reload to update" (updateReady.ts), which
 *   switches at once. The very first worker claims the page that installed it (clientsClaim), so a
 *   first visit is kept offline without a reload.
 * - A build file it did not precache (a newer deployment's, asked for by a page reloaded while
 *   the new worker waits) comes from the network, or offline from any cache (assetFallback.ts).
 * - Pages and worker scripts it answers carry COOP/COEP (isolationHeaders.ts), so from the second
 *   visit on the page is cross-origin isolated and the WASM backend may use threads.
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { KEPT } from '../shared/storageKeys';
import { isAppAsset, networkThenAnyCache } from './assetFallback';
import { isAppPage, isWorkerScript, withIsolationHeaders } from './isolationHeaders';

declare let self: ServiceWorkerGlobalScope;

/** After this long without an answer, a page is served from the cache (a hanging network). */
const PAGE_TIMEOUT_SECONDS = 4;

// The shell's cache is `layerlab-precache-v2-<scope>`: one per folder the app is served from.
setCacheNameDetails({ prefix: KEPT.appShell.name });
clientsClaim();

// The page's "Reload to update" (updateReady.ts): the user chose to switch now.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'skipWaiting') void self.skipWaiting();
});

// Registered before the precache's own route, so pages are never served stale while online.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && isAppPage(url, self.registration.scope),
  new NetworkOnly({
    networkTimeoutSeconds: PAGE_TIMEOUT_SECONDS,
    // What PrecacheFallbackPlugin does; its class's optional members do not type-check under
    // exactOptionalPropertyTypes.
    plugins: [
      { handlerDidError: () => matchPrecache('index.html') },
      // After the fallback too: an offline page is isolated like an online one.
      { handlerWillRespond: ({ response }) => Promise.resolve(withIsolationHeaders(response)) },
    ],
  }),
);

// Worker scripts get the headers too, from the precache or, for a script this deployment did not
// precache, the network.
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && isWorkerScript(request),
  async ({ request }) =>
    withIsolationHeaders(
      (await matchPrecache(request.url)) ?? (await fromNetworkOrAnyCache(request)),
    ),
);

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// After the precache's route: build files this deployment did not precache (a newer one's, see
// assetFallback.ts) come from the network, or offline from the cache its waiting worker filled.
registerRoute(
  ({ request, url }) => request.method === 'GET' && isAppAsset(url, self.registration.scope),
  ({ request }) => fromNetworkOrAnyCache(request),
);

function fromNetworkOrAnyCache(request: Request): Promise<Response> {
  return networkThenAnyCache(
    request,
    (r) => fetch(r),
    (r) => caches.match(r),
  );
}
