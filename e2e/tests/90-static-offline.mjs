// Static hosting and offline use: the built app runs from whatever folder it is served, asks no
// other origin for anything, and once visited (service worker) it reloads and trains offline on a
// dataset it downloaded before.
import { launch, openApp, recordErrors } from '../browser.mjs';
import { assert, ui, waitFor } from '../assert.mjs';

/** Starts a run, waits for a few steps, stops it; fails with the app's message on an error. */
async function trainFewSteps(page, steps = 3) {
  await page.getByTestId('train-button').click();
  await waitFor(
    async () => ({ phase: await ui.phase(page), step: await ui.step(page) }),
    (s) => s.phase === 'error' || (s.phase === 'training' && s.step >= steps),
    { what: `${steps} training steps`, timeout: 120_000 },
  );
  if ((await ui.phase(page)) === 'error') {
    throw new Error(`training failed: ${await page.getByTestId('phase-message').textContent()}`);
  }
  await page.getByTestId('stop-button').click();
  await waitFor(
    () => ui.phase(page),
    (p) => p === 'done',
    { what: 'the run to stop' },
  );
}

async function loadPreset(page, id) {
  await page.getByTestId('preset-select').selectOption(id);
  await page.getByTestId('preset-load').click();
}

/** Cache Storage as the page sees it: cache name → the URLs it holds. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    }
    return out;
  });
}

export const tests = {
  async 'served from a subpath, the app loads and trains with every other origin blocked'({ url }) {
    const app = new URL(url);
    assert(app.pathname.length > 1, `served from a subpath: ${app.pathname}`);
    const browser = await launch({ webgpu: false });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const foreign = [];
      const outsideApp = [];
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
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(url);
      await page.getByTestId('train-button').waitFor();
      // The default preset, as a first-time visitor finds it.
      await trainFewSteps(page);
      assert(foreign.length === 0, `no request to another origin: ${[...new Set(foreign)]}`);
      assert(
        outsideApp.length === 0,
        `every request stays inside ${app.pathname}: ${[...new Set(outsideApp)]}`,
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'after one visit the app reloads offline and trains on the dataset it downloaded'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      // The control: without a service worker, an offline browser cannot open the app at all.
      const bare = await browser.newContext({ serviceWorkers: 'block' });
      await bare.setOffline(true);
      const refused = await (await bare.newPage()).goto(url).then(
        () => null,
        (error) => error,
      );
      assert(refused !== null, 'offline without a service worker, the page does not load');
      await bare.close();

      const { context, page, errors } = await openApp(browser, url);
      const started = Date.now();
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
        timeout: 60_000,
      });
      const controlledAfter = Date.now() - started;
      const scope = await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.scope,
      );
      assert(scope === url, `the service worker's scope is the app's folder: ${scope}`);

      // A real dataset: MNIST (~12 MB) is downloaded once and kept by the training worker.
      await loadPreset(page, 'mnist-mlp');
      await page.getByTestId('backend-select').selectOption('cpu');
      await trainFewSteps(page);
      const stored = await cacheContents(page);
      const datasetCache = stored['layerlab-datasets-v1'] ?? [];
      assert(
        datasetCache.some((u) => u.endsWith('/datasets/mnist.bin.gz')),
        `MNIST kept in the dataset cache: ${JSON.stringify(stored)}`,
      );
      const shell = Object.entries(stored).filter(([name]) => name !== 'layerlab-datasets-v1');
      const shellUrls = shell.flatMap(([, urls]) => urls);
      assert(
        shellUrls.some((u) => u.includes('index.html')) &&
          shellUrls.some((u) => /training\.worker-[\w-]+\.js/.test(u)),
        `the app shell is precached: ${JSON.stringify(shell)}`,
      );
      assert(
        !shellUrls.some((u) => u.includes('/datasets/')),
        `datasets are stored once, not in the shell's cache too: ${shellUrls}`,
      );

      // Offline: the reload comes from the service worker, the data from the worker's cache.
      await context.setOffline(true);
      const datasetRequests = [];
      context.on('request', (r) => {
        if (r.url().includes('/datasets/')) datasetRequests.push(r.url());
      });
      const reloaded = await page.reload();
      assert(
        reloaded?.fromServiceWorker(),
        'the offline reload was answered by the service worker',
      );
      await page.getByTestId('train-button').waitFor();
      assert(
        (await page.getByTestId('dataset-select').inputValue()) === 'mnist',
        'the saved design came back with MNIST',
      );
      await trainFewSteps(page);
      // The network is really gone for the service worker too: online, this address is the
      // server's 404; offline, the service worker's own fetch fails and the cached app answers.
      const elsewhere = await page.goto(new URL('no-such-page', url).href);
      assert(
        elsewhere?.status() === 200,
        `offline fallback, not the server: ${elsewhere?.status()}`,
      );
      await page.getByTestId('train-button').waitFor();
      assert(
        datasetRequests.length === 0,
        `no dataset download while offline: ${datasetRequests.join(', ')}`,
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
      console.log(
        `    (service worker in control ${(controlledAfter / 1000).toFixed(1)} s after load)`,
      );
    } finally {
      await browser.close();
    }
  },
};
