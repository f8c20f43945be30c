import { describe, expect, it } from 'vitest';
import { isAppAsset, networkThenAnyCache } from './assetFallback';

const SCOPE = 'https://school.example/layerlab/';
const request = new Request(`${SCOPE}assets/graph-9e8d7c6b.js`);
const cached = new Response('cached');
const inCache = () => Promise.resolve(cached);
const inNoCache = () => Promise.resolve(undefined);
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('files of a newer deployment asked of the old service worker', () => {
  it('takes only the build files under the app’s own assets folder', () => {
    const at = (path: string) => isAppAsset(new URL(path, SCOPE), SCOPE);
    expect(at('assets/index-4f3a9b1c.js')).toBe(true);
    expect(at('assets/tfjs-backend-wasm-simd-0a1b2c3d.wasm')).toBe(true);
    expect(at('datasets/mnist.bin.gz')).toBe(false);
    expect(at('index.html')).toBe(false);
    // Another app on the same origin has an assets folder of its own.
    expect(at('/other/assets/index-4f3a9b1c.js')).toBe(false);
  });

  it('answers from the network while online, from any cache holding the file offline', async () => {
    const online = await networkThenAnyCache(
      request,
      () => Promise.resolve(new Response('network')),
      inCache,
    );
    expect(await online.text()).toBe('network');
    expect(await networkThenAnyCache(request, offline, inCache)).toBe(cached);
    // In no cache either: the network's error, as without the service worker.
    await expect(networkThenAnyCache(request, offline, inNoCache)).rejects.toThrow(
      'Failed to fetch',
    );
  });

  it('prefers a cached copy to an error status, and keeps the error when there is none', async () => {
    const gone = () => Promise.resolve(new Response('not found', { status: 404 }));
    expect(await networkThenAnyCache(request, gone, inCache)).toBe(cached);
    expect((await networkThenAnyCache(request, gone, inNoCache)).status).toBe(404);
  });

  it('answers from the cache when the network hangs, and waits for it when nothing is cached', async () => {
    let answer: (response: Response) => void = () => undefined;
    const hanging = () => new Promise<Response>((resolve) => (answer = resolve));
    expect(await networkThenAnyCache(request, hanging, inCache, 20)).toBe(cached);
    const waited = networkThenAnyCache(request, hanging, inNoCache, 20);
    setTimeout(() => answer(new Response('late')), 60);
    expect(await (await waited).text()).toBe('late');
  });
});
