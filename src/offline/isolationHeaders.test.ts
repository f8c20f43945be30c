import { describe, expect, it } from 'vitest';
import { isAppPage, isWorkerScript, withIsolationHeaders } from './isolationHeaders';

describe('the cross-origin isolation headers the service worker adds', () => {
  it('adds COOP and COEP to a page, keeping its status, headers and body', async () => {
    const page = new Response('<!doctype html>', {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'text/html' },
    });
    const isolated = withIsolationHeaders(page);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('content-type')).toBe('text/html');
    expect(isolated.status).toBe(200);
    expect(await isolated.text()).toBe('<!doctype html>');
  });

  it("keeps a host's own policy (e.g. credentialless) and passes an already isolated response as it is", () => {
    const own = new Response('x', {
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'credentialless',
      },
    });
    expect(withIsolationHeaders(own)).toBe(own);
  });

  it('passes opaque responses and redirects, which cannot be rebuilt', () => {
    const opaque = Response.error(); // status 0, like an opaque or opaqueredirect response
    expect(withIsolationHeaders(opaque)).toBe(opaque);
  });

  it('treats worker scripts, and only them, as deciding a worker’s isolation', () => {
    const as = (destination: RequestDestination) => ({ destination }) as Request;
    expect(isWorkerScript(as('worker'))).toBe(true);
    expect(isWorkerScript(as('sharedworker'))).toBe(true);
    expect(isWorkerScript(as('script'))).toBe(false);
    expect(isWorkerScript(as(''))).toBe(false);
  });

  it('answers only LayerLab’s own page, wherever it is hosted', () => {
    const at = (path: string) => new URL(path, 'https://example.org');
    const scope = 'https://example.org/datasets/layerlab/';
    expect(isAppPage(at('/datasets/layerlab/'), scope)).toBe(true);
    expect(isAppPage(at('/datasets/layerlab/index.html?design=abc#x'), scope)).toBe(true);
    expect(isAppPage(at('/datasets/layerlab/datasets/mnist.bin'), scope)).toBe(false);
    // Hosted at an origin's root: the site's other pages are left alone.
    expect(isAppPage(at('/'), 'https://example.org/')).toBe(true);
    expect(isAppPage(at('/blog/post.html'), 'https://example.org/')).toBe(false);
  });
});
