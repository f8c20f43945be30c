// Trained models kept in the browser: save → reload the page → load gives identical predictions,
// Resume continues the loss curve from the saved step; download → upload brings the same model
// back; bad files are refused with a reason.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, openApp, recordErrors, test } from '../support/test';
import { readCurve, trainAndWait, waitForRun } from '../support/training';
import { controls, loadPreset, openSection, typeInto } from '../support/ui';

/** Opens "Inside the model" on validation sample 0 and reads the raw outputs. */
async function prediction(page: Page): Promise<string | null> {
  await openSection(page.getByTestId('view-activations'));
  const { step } = await waitForRun(page, () => true);
  // Only a result computed at the current step counts (not one from before a load).
  await expect(page.getByTestId('probe-step'), `probes at step ${step}`).toHaveText(
    `as of step ${step}`,
    { timeout: 60_000 },
  );
  return page.getByTestId('prediction').getAttribute('data-output');
}

async function train(page: Page, epochs: number) {
  await loadPreset(page, 'spiral-mlp');
  // Two circles: learnt quickly, so a resumed curve is far from a restarted one.
  await controls(page).dataset.selectOption('circles');
  await typeInto(controls(page).epochs, String(epochs));
  return trainAndWait(page, { phase: 'done' }, { timeout: 120_000 });
}

const modelName = (page: Page) => page.getByRole('textbox', { name: 'Name for the saved model' });
const saveModel = (page: Page) => page.getByRole('button', { name: 'Save model', exact: true });
const savedModel = (page: Page, name: string) =>
  page.getByTestId('saved-model').filter({ hasText: name });

test('save → reload → load gives identical predictions, and Resume continues the curve', async ({
  page,
  context,
  pageErrors,
}) => {
  await openApp(page);
  const { step: savedStep } = await train(page, 15);
  const before = await prediction(page);
  const curve = await readCurve(page, 'loss');
  await modelName(page).fill('spiral e2e');
  await saveModel(page).click();
  await expect(page.getByTestId('saved-model').first()).toBeVisible();
  await expect(page.getByTestId('model-message'), 'says what was saved').toContainText(
    `step ${savedStep}`,
  );

  // A new page in the same profile (IndexedDB persists): the model is listed.
  await page.close();
  const again = await context.newPage();
  recordErrors(again, pageErrors);
  await again.goto('./');
  const row = savedModel(again, 'spiral e2e');
  await expect(row, 'the row shows its step').toContainText(/step \d+/, { timeout: 30_000 });
  await row.getByRole('button', { name: 'Load', exact: true }).click();
  const loaded = await waitForRun(again, { phase: 'paused' });
  expect(loaded.step, 'the saved step is shown').toBe(savedStep);
  expect(loaded.loss, 'the saved curve is back').toMatchObject({
    points: curve.points,
    last: curve.last,
  });
  const after = await prediction(again);
  expect(after, 'identical predictions').toBe(before);

  // Resume: new points continue from the saved step, near the saved loss (not from scratch).
  // Enough epochs that the run is still training when Pause is pressed, however fast it runs.
  await typeInto(controls(again).epochs, '500');
  await controls(again).resume.click();
  await waitForRun(again, (run) => run.step > savedStep + 20);
  await controls(again).pause.click();
  const { loss: continued } = await waitForRun(again, { phase: 'paused' });
  expect(continued.points, 'the curve grew').toBeGreaterThan(curve.points);
  const progress = curve.first - curve.last;
  expect(progress, 'the first run learnt').toBeGreaterThan(0.2);
  expect(
    continued.last,
    `the loss went on from where it was (${curve.first} → ${curve.last} → ${continued.last}), not from the start`,
  ).toBeLessThan(curve.first - progress / 2);
  expect(pageErrors).toEqual([]);
});

test('a downloaded model uploads back; bad model files are refused with a reason', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await train(page, 2);
  await modelName(page).fill('to download');
  await saveModel(page).click();
  const row = savedModel(page, 'to download');
  await expect(row).toBeVisible();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await row.getByRole('button', { name: 'Download', exact: true }).click();
  await expect.poll(() => downloads.length, 'two downloads').toBe(2);
  const files = await Promise.all(
    downloads.map(async (d) => ({
      name: d.suggestedFilename(),
      mimeType: 'application/octet-stream',
      buffer: readFileSync(await d.path()),
    })),
  );
  const json = files.find((f) => f.name.endsWith('.json'));
  const bin = files.find((f) => f.name.endsWith('.bin'));
  if (!json || !bin)
    throw new Error(`model.json and weights: ${files.map((f) => f.name).join(', ')}`);
  const manifest = JSON.parse(json.buffer.toString('utf8'));
  expect(manifest.format, 'tfjs layers format').toBe('layers-model');
  expect(manifest.modelTopology, 'tfjs layers format').toBeTruthy();

  await row.getByRole('button', { name: 'Delete to download' }).click();
  await expect(savedModel(page, 'to download'), 'deleted').toHaveCount(0, { timeout: 60_000 });
  const upload = page.getByLabel('Upload…', { exact: true });
  const message = page.getByTestId('model-message');
  await upload.setInputFiles([json]);
  await expect(message, 'missing weights explained').toContainText('needs the weight file', {
    timeout: 60_000,
  });
  await expect(message, 'names the missing file').toContainText(bin.name);
  await upload.setInputFiles([json, { ...bin, buffer: bin.buffer.subarray(0, 64) }]);
  await expect(message, 'truncated weights explained').toContainText('truncated', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('saved-model'), 'nothing was stored').toHaveCount(0);
  await upload.setInputFiles([json, bin]);
  await expect(savedModel(page, 'to download')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('saved-model').first(), 'listed as uploaded').toContainText(
    'uploaded files',
  );
  expect(pageErrors).toEqual([]);
});
