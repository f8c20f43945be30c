// Static hosting and offline use: the built app runs from whatever folder it is served, asks no
// other origin for anything (the WASM backend's binaries included), and once visited (service
// worker) it reloads offline, cross-origin isolated, and trains on WASM with threads, on a dataset
// it downloaded before.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { controls, loadPreset, openSection, typeInto } from '../support/ui';

/**
 * Starts a run, waits for a few steps, stops it; fails with the app's message on an error. The
 * epochs go up first: on the CPU backend the default spiral finishes its 50 epochs in seconds,
 * sometimes before Stop could be pressed.
 */
async function trainFewSteps(page: Page, steps = 3) {
  await typeInto(controls(page).epochs, '500');
  await trainAndWait(page, (run) => run.phase === 'training' && run.step >= steps, {
    timeout: 120_000,
  });
  await controls(page).stop.click();
  await waitForRun(page, { phase: 'done' });
}

/** Cache Storage as the page sees it: cache name → the URLs it holds. */
function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    }
    return out;
  });
}

test('served from a subpath, the app loads and trains with every other origin blocked', async ({
  page,
  context,
  baseURL,
  pageErrors,
}) => {
  const app = new URL(baseURL!);
  expect(app.pathname.length, `served from a subpath: ${app.pathname}`).toBeGreaterThan(1);
  const foreign: string[] = [];
  const outsideApp: string[] = [];
  // Every request to another origin is refused and recorded; none is expected.
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.origin === app.origin) return route.continue();
    foreign.push(target.href);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const target = new URL(request.url());
    if (!target.protocol.startsWith('http')) return; // data: and blob: URLs stay in the page
    if (target.origin !== app.origin) foreign.push(target.href);
    else if (!target.pathname.startsWith(app.pathname)) outsideApp.push(target.pathname);
  });
  const wasmFiles: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.wasm')) wasmFiles.push(request.url());
  });
  await openApp(page);
  // The default preset, as a first-time visitor finds it.
  await trainFewSteps(page);
  // The WASM backend fetches its binary from the app's own folder, not from a CDN.
  // Two short epochs to the end: WASM trains the spiral too fast to catch it mid-run.
  await controls(page).backend.selectOption('wasm');
  await typeInto(controls(page).epochs, '2');
  const onWasm = await trainAndWait(page, { phase: 'done' }, { timeout: 120_000 });
  expect(onWasm.backend, 'trained on WASM').toBe('wasm');
  expect(wasmFiles.length, 'the WASM binary was fetched').toBeGreaterThan(0);
  for (const url of wasmFiles) {
    expect(url.startsWith(new URL('assets/', app).href), `${url} is in the app's folder`).toBe(
      true,
    );
  }
  expect([...new Set(foreign)], 'no request to another origin').toEqual([]);
  expect([...new Set(outsideApp)], `every request stays inside ${app.pathname}`).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('after one visit the app reloads offline and trains on the dataset it downloaded', async ({
  page,
  context,
  baseURL,
  pageErrors,
}) => {
  // The control: without a service worker, an offline browser cannot open the app at all.
  const bare = await context.browser()!.newContext({ serviceWorkers: 'block' });
  await bare.setOffline(true);
  const refused = await (await bare.newPage()).goto(baseURL!).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused, 'offline without a service worker, the page does not load').not.toBeNull();
  await bare.close();

  await openApp(page);
  const started = Date.now();
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
    timeout: 60_000,
  });
  const controlledAfter = Date.now() - started;
  const scope = await page.evaluate(
    async () => (await navigator.serviceWorker.getRegistration())?.scope,
  );
  expect(scope, "the service worker's scope is the app's folder").toBe(baseURL);

  // A real dataset: MNIST (~12 MB) is downloaded once and kept by the training worker.
  await loadPreset(page, 'mnist-mlp');
  await controls(page).backend.selectOption('wasm');
  await trainFewSteps(page);
  expect(
    await page.evaluate(() => crossOriginIsolated),
    'the first visit, served without the service worker, is not isolated',
  ).toBe(false);
  const stored = await cacheContents(page);
  const datasetCache = stored['layerlab-datasets-v1'] ?? [];
  expect(
    datasetCache.some((u) => u.endsWith('/datasets/mnist.bin.gz')),
    `MNIST kept in the dataset cache: ${JSON.stringify(stored)}`,
  ).toBe(true);
  const shell = Object.entries(stored).filter(([name]) => name !== 'layerlab-datasets-v1');
  const shellUrls = shell.flatMap(([, urls]) => urls);
  expect(
    shellUrls.some((u) => u.includes('index.html')) &&
      shellUrls.some((u) => /training\.worker-[\w-]+\.js/.test(u)),
    `the app shell is precached: ${JSON.stringify(shell)}`,
  ).toBe(true);
  expect(
    shellUrls.filter((u) => u.endsWith('.wasm')).map((u) => u.replace(/-[\w-]{8}\.wasm$/, '.wasm')),
    "the WASM backend's three builds are precached",
  ).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/\/assets\/tfjs-backend-wasm\.wasm$/),
      expect.stringMatching(/\/assets\/tfjs-backend-wasm-simd\.wasm$/),
      expect.stringMatching(/\/assets\/tfjs-backend-wasm-threaded-simd\.wasm$/),
    ]),
  );
  expect(
    shellUrls.filter((u) => u.includes('/datasets/')),
    "datasets are stored once, not in the shell's cache too",
  ).toEqual([]);

  // Offline: the reload comes from the service worker, the data from the worker's cache.
  await context.setOffline(true);
  const datasetRequests: string[] = [];
  context.on('request', (r) => {
    if (r.url().includes('/datasets/')) datasetRequests.push(r.url());
  });
  const reloaded = await page.reload();
  expect(
    reloaded?.fromServiceWorker(),
    'the offline reload was answered by the service worker',
  ).toBe(true);
  await expect(controls(page).train).toBeVisible({ timeout: 30_000 });
  await expect(controls(page).dataset, 'the saved design came back with MNIST').toHaveValue(
    'mnist',
  );
  // The service worker's COOP/COEP make this page (and its training worker) cross-origin
  // isolated, so WASM runs its threaded build, fetched from the precache.
  expect(
    await page.evaluate(() => crossOriginIsolated),
    'the page the service worker served is isolated',
  ).toBe(true);
  await trainFewSteps(page);
  expect((await waitForRun(page, () => true)).backend, 'trained offline on WASM').toBe('wasm');
  const status = page.getByTestId('backend');
  await openSection(status);
  await expect(status.locator('.trials li')).toHaveText([
    // Threads: half the logical cores, 1 to 4 (one on a 2-core machine).
    /^✓ WASM: one training step passed \(SIMD on, cross-origin isolated, \d+ threads? \(.*\)\)$/,
  ]);
  console.log(`    (offline, isolated: ${await status.locator('.trials li').textContent()})`);
  // A share link (the app's page with a query) opens offline too, from the service worker's cache.
  const link = await page.goto(new URL('?from=offline', baseURL).href);
  expect(link?.status(), 'offline fallback, not the server').toBe(200);
  expect(link?.fromServiceWorker(), 'answered by the service worker').toBe(true);
  await expect(controls(page).train).toBeVisible({ timeout: 30_000 });
  expect(datasetRequests, 'no dataset download while offline').toEqual([]);
  // A newer deployment's file, which this worker did not precache but its waiting successor stored
  // in the shared shell cache (put there by hand here), is served offline from that cache.
  const newerFile = await page.evaluate(async (datasets) => {
    const shellCache = (await caches.keys()).find((name) => name !== datasets);
    const url = new URL('assets/next-deployment-0123abcd.js', location.href).href;
    const body = 'export const deployment = 2;';
    const headers = { 'Content-Type': 'text/javascript' };
    await (await caches.open(shellCache!)).put(url, new Response(body, { headers }));
    const response = await fetch(url).catch((error: unknown) => String(error));
    return typeof response === 'string' ? response : await response.text();
  }, 'layerlab-datasets-v1');
  expect(newerFile, 'a file the waiting worker precached opens offline').toBe(
    'export const deployment = 2;',
  );
  expect(pageErrors).toEqual([]);
  console.log(
    `    (service worker in control ${(controlledAfter / 1000).toFixed(1)} s after load)`,
  );
});

test('a new deployment’s service worker waits for the open tab, which offers to switch to it', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
    timeout: 60_000,
  });
  // Another script URL in the same scope is an update, as a new deployment's sw.js is.
  const after = await page.evaluate(async () => {
    const update = await navigator.serviceWorker.register('sw.js?deployment=2');
    const installed = await new Promise<boolean>((resolve) => {
      const check = () => {
        if (update.waiting) resolve(true);
        else if (update.active?.scriptURL.includes('deployment=2')) resolve(false);
        else setTimeout(check, 100);
      };
      check();
    });
    return { installed, controller: navigator.serviceWorker.controller?.scriptURL ?? '' };
  });
  expect(after.installed, 'the new worker installed and waits').toBe(true);
  expect(after.controller, 'the open tab keeps its worker').not.toContain('deployment=2');

  // The page offers the new version; taking it reloads the page under the new worker.
  const offer = page.getByTestId('update-ready');
  await expect(offer).toContainText('A new version of LayerLab is ready');
  await Promise.all([
    page.waitForEvent('load'),
    offer.getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  await expect(controls(page).train).toBeVisible({ timeout: 30_000 });
  expect(
    await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''),
    'the new worker controls the reloaded page',
  ).toContain('deployment=2');
  await expect(page.getByTestId('update-ready')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
