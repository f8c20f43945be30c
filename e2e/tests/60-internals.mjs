// Inside the model, live: attention maps form on the reversal task (WebGPU), the MNIST drawing pad
// predicts, the decision boundary changes as the model learns, and a confusion cell lists its
// samples, one of which opens in the activations view.
import { join } from 'node:path';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';

async function loadPreset(page, id) {
  await page.getByTestId('preset-select').selectOption(id);
  await page.getByTestId('preset-load').click();
}

async function openView(page, view) {
  const section = page.getByTestId(`view-${view}`);
  if (!(await section.evaluate((e) => e.open))) await section.locator('summary').click();
}

/** The boundary canvas's pixels, summed into a coarse signature in the page. */
function boundaryPixels(page) {
  return page
    .getByTestId('decision-boundary')
    .locator('canvas')
    .first()
    .evaluate((canvas) => {
      const context = canvas.getContext('2d');
      return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data);
    });
}

export const tests = {
  async 'reversal on WebGPU: the attention maps the UI receives look at the mirrored position'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: true });
    try {
      const { page, errors } = await openApp(browser, url);
      await loadPreset(page, 'reverse-transformer');
      await page.getByTestId('backend-select').selectOption('webgpu');
      await openView(page, 'attention');
      await page.getByTestId('train-button').click();
      const view = page.getByTestId('attention-view');
      await view.waitFor({ timeout: 120_000 });
      const mirror = async () => Number(await view.getAttribute('data-mirror-mass'));
      const first = await mirror();
      const backend = await ui.backend(page);
      assert(backend === 'webgpu', `runs on WebGPU: ${backend}`);
      // Chance is 1/8 of the weight on any one position.
      const later = await waitFor(mirror, (m) => m > 0.4, {
        what: 'attention mass on the mirrored position',
        timeout: 180_000,
        interval: 1000,
      });
      assert(later > first && later > 2 / 8, `mirror mass rose from ${first} to ${later}`);
      await page
        .getByTestId('internals')
        .screenshot({ path: join(artifacts, 'internals-attention.png') });
      assert(errors.length === 0, `no errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'MNIST on WebGPU: drawing on the pad gives a prediction with class probabilities'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: true });
    try {
      const { page, errors } = await openApp(browser, url);
      await loadPreset(page, 'mnist-mlp');
      await page.getByTestId('backend-select').selectOption('webgpu');
      await openView(page, 'activations');
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.step(page),
        (s) => s >= 40,
        { what: 'some training', timeout: 90_000 },
      );
      await page.getByTestId('pause-button').click();
      // A vertical stroke down the middle of the pad: a "1".
      const pad = page.getByTestId('drawing-pad').locator('canvas').first();
      await pad.scrollIntoViewIfNeeded();
      const box = await pad.boundingBox();
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) {
        await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + i * 0.07));
      }
      await page.mouse.up();
      await waitFor(
        () => page.getByTestId('sample-index').textContent(),
        (t) => t.includes('drawing'),
        { what: 'the drawing as the sample' },
      );
      const prediction = page.getByTestId('prediction');
      await waitFor(
        async () => (await prediction.textContent()) ?? '',
        (t) => t.includes('%') && !t.includes('true class'),
        { what: 'a prediction for the drawing', timeout: 30_000 },
      );
      const digit = await prediction.getAttribute('data-class');
      assert(/^[0-9]$/.test(digit), `a digit is predicted: ${digit}`);
      const values = (await prediction.locator('.probability-value').allTextContents()).map((t) =>
        Number.parseFloat(t),
      );
      assert(values.length === 5 && values[0] >= values[1], `top-5 probabilities: ${values}`);
      assert((await page.getByTestId('layer-activation').count()) === 4, 'every layer shown');
      await page
        .getByTestId('internals')
        .screenshot({ path: join(artifacts, 'internals-drawing.png') });
      assert(errors.length === 0, `no errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'on WebGPU, the decision boundary changes as the spiral is learned; a confusion cell lists its samples'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: true });
    try {
      const { page, errors } = await openApp(browser, url);
      await page.getByTestId('backend-select').selectOption('webgpu');
      await typeInto(page.getByTestId('epochs-input'), '200');
      await openView(page, 'boundary');
      await openView(page, 'confusion');
      await page.getByTestId('step-button').click();
      await page.getByTestId('decision-boundary').waitFor();
      await page.waitForTimeout(500);
      const before = await boundaryPixels(page);
      await page.getByTestId('resume-button').click();
      await waitFor(
        () => ui.step(page),
        (s) => s >= 600,
        { what: 'training', timeout: 120_000 },
      );
      await page.getByTestId('pause-button').click();
      await page.waitForTimeout(800);
      const after = await boundaryPixels(page);
      let changed = 0;
      for (let i = 0; i < before.length; i += 4) {
        const d = Math.abs(before[i] - after[i]) + Math.abs(before[i + 1] - after[i + 1]);
        if (d > 40) changed++;
      }
      const share = changed / (before.length / 4);
      assert(share > 0.05, `the boundary image changed: ${(share * 100).toFixed(1)} % of pixels`);

      // Keyboard: focus the matrix, move to the first cell, press Enter.
      const matrix = page.getByTestId('confusion-matrix').locator('canvas').first();
      await matrix.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      const examples = page.getByTestId('confusion-examples');
      const count = Number(await examples.getAttribute('data-count'));
      assert(count > 0, `true blue predicted blue lists samples: ${count}`);
      const first = examples.locator('button').first();
      const label = await first.textContent(); // "#12"
      await first.click();
      const shown = await page.getByTestId('sample-index').textContent();
      assert(shown.endsWith(label.slice(1)), `the example opens in the activations: ${shown}`);
      await page
        .getByTestId('internals')
        .screenshot({ path: join(artifacts, 'internals-spiral.png') });
      assert(errors.length === 0, `no errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'a sample picked in the dataset browser opens in the activations view'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await loadPreset(page, 'iris-mlp');
      await page.getByTestId('backend-select').selectOption('cpu');
      await page.getByTestId('step-button').click();
      await page.getByTestId('dataset-browser').locator('summary').click();
      const row = page.getByTestId('browser-table').locator('tbody tr').nth(2);
      const species = (await row.locator('.label-cell').textContent())
        .replace('inspect', '')
        .trim();
      await row.getByTestId('browser-inspect').click();
      assert(
        await page.getByTestId('view-activations').evaluate((e) => e.open),
        'the activations view opened',
      );
      const shown = await page.getByTestId('sample-index').textContent();
      assert(shown.includes('picked'), `the picked sample is shown: ${shown}`);
      await waitFor(
        async () => (await page.getByTestId('prediction').textContent()) ?? '',
        (t) => t.includes(`true class: ${species}`),
        { what: 'the prediction with the picked sample’s class', timeout: 30_000 },
      );
      assert(errors.length === 0, `no errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
