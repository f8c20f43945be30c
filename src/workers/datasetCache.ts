/**
 * Downloads of bundled dataset files, with progress, kept in Cache Storage so that a second visit
 * (or a reload) reads them from disk instead of the network. Where Cache Storage is missing (an
 * insecure origin, Node tests) it simply downloads.
 */
import { message } from '../shared/messages/message';
import { MessageError } from '../shared/messages/messageError';
import { KEPT } from '../shared/storageKeys';

/** fraction: 0..1 when the size is known, null otherwise. */
export type DownloadProgress = (loadedBytes: number, totalBytes: number | null) => void;

export interface CachedBytes {
  bytes: Uint8Array;
  fromCache: boolean;
}

/**
 * The file's bytes, from the cache when a copy of the expected size is there. `expectedBytes`
 * comes from the manifest: a cached copy of another size is an old version and is replaced.
 */
export async function fetchDatasetFile(
  url: string,
  expectedBytes: number | null,
  onProgress: DownloadProgress,
): Promise<CachedBytes> {
  const cache = await openCache();
  if (cache) {
    const hit = await cache.match(url).catch(() => undefined);
    if (hit) {
      const bytes = new Uint8Array(await hit.arrayBuffer());
      if (expectedBytes === null || bytes.byteLength === expectedBytes) {
        onProgress(bytes.byteLength, bytes.byteLength);
        return { bytes, fromCache: true };
      }
      await cache.delete(url);
    }
  }
  const bytes = await download(url, expectedBytes, onProgress);
  if (cache) {
    // A full disk or a private window may refuse: the data is still usable, just not kept.
    await cache.put(url, new Response(bytes.slice())).catch(() => undefined);
  }
  return { bytes, fromCache: false };
}

async function openCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(KEPT.datasetFiles.name);
  } catch {
    return null; // e.g. storage disabled by the browser's settings
  }
}

/** fetch() with progress, turning network and HTTP errors into messages that name the file. */
async function download(
  url: string,
  expectedBytes: number | null,
  onProgress: DownloadProgress,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new MessageError(message('data.downloadFailed', { url, error: String(error) }), {
      cause: error,
    });
  }
  if (!response.ok) {
    throw new MessageError(message('data.downloadHttp', { url, status: response.status }));
  }
  const header = Number(response.headers.get('content-length'));
  const total = expectedBytes ?? (Number.isFinite(header) && header > 0 ? header : null);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress(bytes.byteLength, total);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
