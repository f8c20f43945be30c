/**
 * Cross-origin isolation from a static host: a page served with COOP `same-origin` and COEP
 * `require-corp` (and a worker whose script carries COEP too) gets SharedArrayBuffer, which tfjs's
 * WASM backend needs for threads. Plain static hosts cannot send headers, so the service worker
 * adds them to the responses it answers; the first visit, which no service worker controls yet,
 * stays single-threaded. Every resource LayerLab loads is same-origin, so `require-corp` blocks
 * nothing (it only refuses cross-origin resources that do not opt in).
 */

export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * A worker's script: an isolated page may start only workers whose script also says COEP (the
 * browser refuses the others), and the worker is isolated only then.
 */
export function isWorkerScript(request: Request): boolean {
  return request.destination === 'worker' || request.destination === 'sharedworker';
}

/**
 * LayerLab's own page: the service worker's scope itself or its index.html (a share link's query
 * or hash does not change the path). Only it is answered by the page route, so other pages on the
 * same origin (a site hosted at the origin's root) never get LayerLab's headers or, offline, its
 * index.html, and a folder named "datasets" in the path changes nothing.
 */
export function isAppPage(url: URL, scope: string): boolean {
  const base = new URL(scope).pathname;
  const folder = base.endsWith('/') ? base : `${base}/`;
  return url.pathname === folder || url.pathname === `${folder}index.html`;
}

/**
 * The response with the isolation headers added, unless the host already sent its own. Opaque
 * responses and redirects (status 0) cannot be rebuilt and pass unchanged.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') {
    return response;
  }
  const headers = new Headers(response.headers);
  let changed = false;
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
    if (headers.has(name)) continue;
    headers.set(name, value);
    changed = true;
  }
  if (!changed) return response;
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
