/**
 * Files of a newer deployment, asked of the worker that still controls the page. A page reloaded
 * online while a new deployment's worker waits gets the new index.html from the network (pages
 * come from the network first), and with it the new build's hashed file names, which the old
 * worker's precache does not list. They come from the network; when it fails, answers with an
 * error (a host that has since replaced that build) or hangs, from any cache that holds the file:
 * the waiting worker has stored them already (its precache shares the old one's cache), so a part
 * loaded later (the graph view, a restarted training worker) still opens.
 */

/** After this long without an answer, a cached copy answers instead (a hanging network). */
export const ASSET_TIMEOUT_MS = 4_000;

/** A build file: what Vite writes under the app's `assets/` folder, with hashed names. */
export function isAppAsset(url: URL, scope: string): boolean {
  return url.href.startsWith(new URL('assets/', scope).href);
}

/**
 * The network's answer, or the file from whichever cache holds it when the network fails, answers
 * with an error status, or takes longer than `timeoutMs`. Without a cached copy, the network's
 * answer (or error) stands, however long it takes.
 */
export async function networkThenAnyCache(
  request: Request,
  fetchFile: (request: Request) => Promise<Response>,
  match: (request: Request) => Promise<Response | undefined>,
  timeoutMs = ASSET_TIMEOUT_MS,
): Promise<Response> {
  const network = fetchFile(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<'slow'>(
    (resolve) => (timer = setTimeout(() => resolve('slow'), timeoutMs)),
  );
  const first = await Promise.race([
    network.then(
      (response) => ({ response }),
      (error: unknown) => ({ error }),
    ),
    slow,
  ]);
  clearTimeout(timer);
  if (first !== 'slow' && 'response' in first && first.response.ok) return first.response;
  const cached = await match(request);
  if (cached) return cached;
  if (first === 'slow') return network;
  if ('response' in first) return first.response;
  throw first.error;
}
