// A user builds a small MLP by clicking, trains it on WebGPU, pauses, steps, resumes, changes the
// learning rate live, stops, and finds the design again after a reload.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { readCurve, trainAndWait, waitForRun } from '../support/training';
import { controls, layerCards, layerControls, loadPreset, typeInto } from '../support/ui';

async function buildMlp(page: Page) {
  const ui = controls(page);
  const cards = layerCards(page);
  // Start from an empty model: Train must be disabled with the reason shown.
  while ((await cards.count()) > 0) await layerControls(cards.first()).remove.click();
  await expect(ui.train, 'Train is disabled for an empty model').toBeDisabled();
  await expect(page.getByTestId('train-disabled-reason')).toContainText('no layers');

  // An invalid layer is marked on the layer itself.
  await ui.layerKind.selectOption('conv2d');
  await ui.addLayer.click();
  await expect(layerControls(cards.first()).problem).toContainText('needs an image input');
  await expect(ui.train, 'Train is disabled for an invalid design').toBeDisabled();
  await layerControls(cards.first()).remove.click();

  // Dense 8 tanh → Dense 2 softmax.
  await ui.layerKind.selectOption('dense');
  await ui.addLayer.click();
  await ui.addLayer.click();
  const [first, second] = [layerControls(cards.nth(0)), layerControls(cards.nth(1))];
  await typeInto(first.units, '8');
  await first.activation.selectOption('tanh');
  await typeInto(second.units, '0');
  await expect(second.problem).toContainText('Units must be at least 1');
  await typeInto(second.units, '2');
  await second.activation.selectOption('softmax');

  // Reorder and back: the designer moves layers, output shapes follow.
  await second.up.click();
  await expect(first.shape, 'moved layer first').toHaveText('[2]');
  await first.down.click();

  // Keras parameter counts 24, 18.
  await expect(first.params).toHaveText('24');
  await expect(second.params).toHaveText('18');
  await expect(page.getByTestId('total-params')).toHaveText('42');
  await expect(ui.train, 'Train enabled for a valid design').toBeEnabled();
}

async function setSettings(page: Page) {
  const ui = controls(page);
  await ui.dataset.selectOption('xor');
  await typeInto(ui.samples, '200');
  await typeInto(ui.noise, '0');
  await typeInto(ui.learningRate, '0.05');
  await typeInto(ui.batchSize, '16');
  await ui.backend.selectOption('webgpu');
}

test('presets show the parameter counts Keras reports', async ({ page }) => {
  await openApp(page);
  const ui = controls(page);
  const expected = { 'mnist-mlp': '55,050', 'mnist-cnn': '421,642', 'toy-231': '13' };
  for (const [preset, total] of Object.entries(expected)) {
    await loadPreset(page, preset);
    await expect(page.getByTestId('total-params'), `${preset}: Keras says ${total}`).toHaveText(
      total,
    );
  }
  // Switching the data never rewrites the design: the CNN on a 2-D set is marked invalid instead.
  await loadPreset(page, 'mnist-cnn');
  await ui.dataset.selectOption('spiral');
  await expect(layerCards(page), 'design unchanged').toHaveCount(7);
  await expect(layerControls(layerCards(page).first()).problem).toContainText(
    'needs an image input',
  );
  await expect(ui.train).toBeDisabled();
});

test(
  'build an MLP, train on WebGPU, pause/step/resume, live LR, reload keeps the design',
  { tag: '@webgpu' },
  async ({ page, pageErrors }, testInfo) => {
    await openApp(page);
    const ui = controls(page);
    await buildMlp(page);
    await setSettings(page);

    const started = await trainAndWait(page, { phase: 'training' });
    expect(started.backend, 'backend shown is WebGPU').toBe('webgpu');
    await waitForRun(page, { step: 20 }, { timeout: 90_000 });

    // Pause stops the counter; Step adds exactly one; Resume continues.
    await ui.pause.click();
    const paused = (await waitForRun(page, { phase: 'paused' })).step;
    await page.waitForTimeout(1500);
    await expect(page.getByTestId('step-count'), 'step counter stays while paused').toHaveText(
      String(paused),
    );
    await ui.step.click();
    await waitForRun(page, (run) => run.step === paused + 1);
    await ui.resume.click();
    await waitForRun(page, (run) => run.step > paused + 5);

    // The learning rate changes while training runs.
    await typeInto(ui.learningRate, '0.02');
    await expect(page.getByTestId('lr-in-use'), 'new learning rate in use').toHaveText('0.02', {
      timeout: 60_000,
    });

    const { loss } = await waitForRun(
      page,
      ({ loss }) => loss.points >= 6 && loss.last < loss.first,
      { timeout: 120_000 },
    );
    expect(loss.valPoints, 'validation points drawn').toBeGreaterThanOrEqual(1);
    await ui.stop.click();
    await waitForRun(page, { phase: 'done' });
    await page.screenshot({ path: testInfo.outputPath('trained-webgpu.png'), fullPage: true });
    expect(pageErrors).toEqual([]);

    // Reset forgets the run: counters and curves are empty again, the design stays.
    await ui.reset.click();
    const reset = await waitForRun(page, { phase: 'idle' });
    expect(reset.step, 'step counter back to 0').toBe(0);
    expect((await readCurve(page, 'loss')).points, 'loss curve cleared').toBe(0);

    // Reload: the design and settings are still there.
    await page.reload();
    await expect(ui.train).toBeVisible();
    const cards = layerCards(page);
    await expect(cards, 'two layers after reload').toHaveCount(2);
    await expect(layerControls(cards.nth(0)).units, 'units kept').toHaveValue('8');
    await expect(ui.dataset, 'dataset kept').toHaveValue('xor');
    await expect(ui.learningRate, 'learning rate kept').toHaveValue('0.02');
    await expect(ui.backend, 'backend choice kept').toHaveValue('webgpu');
  },
);
