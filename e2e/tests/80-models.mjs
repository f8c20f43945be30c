// Trained models kept in the browser: save → reload the page → load gives identical predictions,
// Resume continues the loss curve from the saved step; download → upload brings the same model
// back; bad files are refused with a reason.
import { readFileSync } from 'node:fs';
import { launch, openApp, recordErrors } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';

/** Opens "Inside the model" on validation sample 0 and reads the raw outputs. */
async function prediction(page) {
  const view = page.getByTestId('view-activations');
  if (!(await view.evaluate((e) => e.open))) await view.locator('summary').click();
  const step = await ui.step(page);
  // Only a result computed at the current step counts (not one from before a load).
  await waitFor(
    () =>
      page
        .getByTestId('probe-step')
        .textContent()
        .catch(() => ''),
    (t) => t.trim() === `as of step ${step}`,
    { what: `probes at step ${step}` },
  );
  return page.getByTestId('prediction').getAttribute('data-output');
}

async function train(page, epochs) {
  await page.getByTestId('preset-select').selectOption('spiral-mlp');
  await page.getByTestId('preset-load').click();
  // Two circles: learnt quickly, so a resumed curve is far from a restarted one.
  await page.getByTestId('dataset-select').selectOption('circles');
  await typeInto(page.getByTestId('epochs-input'), String(epochs));
  await page.getByTestId('train-button').click();
  await waitFor(
    () => ui.phase(page),
    (p) => p === 'done',
    { what: 'training done', timeout: 120_000 },
  );
}

export const tests = {
  async 'save → reload → load gives identical predictions, and Resume continues the curve'({
    url,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const { context, page, errors } = await openApp(browser, url);
      await train(page, 15);
      const savedStep = await ui.step(page);
      const before = await prediction(page);
      const curve = await ui.chart(page, 'loss');
      await page.getByTestId('model-name').fill('spiral e2e');
      await page.getByTestId('save-model').click();
      await page.getByTestId('saved-model').first().waitFor();
      assert(
        (await page.getByTestId('model-message').textContent()).includes(`step ${savedStep}`),
        'says what was saved',
      );

      // A new page in the same profile (IndexedDB persists): the model is listed.
      await page.close();
      const again = await context.newPage();
      recordErrors(again, errors);
      await again.goto(url);
      const row = again.getByTestId('saved-model').filter({ hasText: 'spiral e2e' });
      await row.waitFor();
      assert(/step \d+/.test(await row.textContent()), 'the row shows its step');
      await row.getByTestId('model-load').click();
      await waitFor(
        () => ui.phase(again),
        (p) => p === 'paused',
        { what: 'loaded, paused' },
      );
      assert((await ui.step(again)) === savedStep, 'the saved step is shown');
      const restoredCurve = await ui.chart(again, 'loss');
      assert(
        restoredCurve.points === curve.points && restoredCurve.last === curve.last,
        `the saved curve is back: ${JSON.stringify(restoredCurve)} vs ${JSON.stringify(curve)}`,
      );
      const after = await prediction(again);
      assert(after === before, `identical predictions: ${after} vs ${before}`);

      // Resume: new points continue from the saved step, near the saved loss (not from scratch).
      await typeInto(again.getByTestId('epochs-input'), '20');
      await again.getByTestId('resume-button').click();
      await waitFor(
        () => ui.step(again),
        (s) => s > savedStep + 20,
        { what: 'steps after resume' },
      );
      await again.getByTestId('pause-button').click();
      await waitFor(
        () => ui.phase(again),
        (p) => p === 'paused',
        { what: 'paused' },
      );
      const continued = await ui.chart(again, 'loss');
      assert(continued.points > curve.points, 'the curve grew');
      const progress = curve.first - curve.last;
      assert(
        progress > 0.2 && continued.last < curve.first - progress / 2,
        `the loss went on from where it was (${curve.first} → ${curve.last} → ${continued.last}), not from the start`,
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'a downloaded model uploads back; bad model files are refused with a reason'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await train(page, 2);
      await page.getByTestId('model-name').fill('to download');
      await page.getByTestId('save-model').click();
      const row = page.getByTestId('saved-model').filter({ hasText: 'to download' });
      await row.waitFor();
      const downloads = [];
      page.on('download', (d) => downloads.push(d));
      await row.getByTestId('model-download').click();
      await waitFor(
        () => downloads.length,
        (n) => n === 2,
        { what: 'two downloads' },
      );
      const files = await Promise.all(
        downloads.map(async (d) => ({
          name: d.suggestedFilename(),
          buffer: readFileSync(await d.path()),
        })),
      );
      const json = files.find((f) => f.name.endsWith('.json'));
      const bin = files.find((f) => f.name.endsWith('.bin'));
      assert(json && bin, `model.json and weights: ${files.map((f) => f.name).join(', ')}`);
      const manifest = JSON.parse(json.buffer.toString('utf8'));
      assert(manifest.format === 'layers-model' && manifest.modelTopology, 'tfjs layers format');

      await row.getByTestId('model-delete').click();
      await waitFor(
        () => page.getByTestId('saved-model').filter({ hasText: 'to download' }).count(),
        (n) => n === 0,
        { what: 'deleted' },
      );
      const upload = page.getByTestId('model-upload');
      await upload.setInputFiles([json]);
      const refused = await waitFor(
        () =>
          page
            .getByTestId('model-message')
            .textContent()
            .catch(() => ''),
        (t) => /needs the weight file/.test(t),
        { what: 'missing weights explained' },
      );
      assert(refused.includes(bin.name), `names the missing file: ${refused}`);
      await upload.setInputFiles([json, { ...bin, buffer: bin.buffer.subarray(0, 64) }]);
      await waitFor(
        () => page.getByTestId('model-message').textContent(),
        (t) => /truncated/.test(t),
        { what: 'truncated weights explained' },
      );
      assert((await page.getByTestId('saved-model').count()) === 0, 'nothing was stored');
      await upload.setInputFiles([json, bin]);
      await page.getByTestId('saved-model').filter({ hasText: 'to download' }).waitFor();
      assert(
        /uploaded files/.test(await page.getByTestId('saved-model').first().textContent()),
        'listed as uploaded',
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
