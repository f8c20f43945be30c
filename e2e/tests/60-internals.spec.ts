// Inside the model, live: attention maps form on the reversal task (WebGPU), the MNIST drawing pad
// predicts, the decision boundary changes as the model learns, and a confusion cell lists its
// samples, one of which opens in the activations view.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { boundaryPixels, controls, loadPreset, openSection, typeInto } from '../support/ui';

const openView = (page: Page, view: string) => openSection(page.getByTestId(`view-${view}`));

test(
  'reversal on WebGPU: the attention maps the UI receives look at the mirrored position',
  { tag: '@webgpu' },
  async ({ page, pageErrors }, testInfo) => {
    test.setTimeout(360_000);
    await openApp(page);
    await loadPreset(page, 'reverse-transformer');
    await controls(page).backend.selectOption('webgpu');
    await openView(page, 'attention');
    await controls(page).train.click();
    const view = page.getByTestId('attention-view');
    await expect(view).toBeVisible({ timeout: 120_000 });
    const mirror = async () => Number(await view.getAttribute('data-mirror-mass'));
    const first = await mirror();
    expect((await waitForRun(page, () => true)).backend, 'runs on WebGPU').toBe('webgpu');
    // Chance is 1/8 of the weight on any one position.
    await expect
      .poll(mirror, { message: 'attention mass on the mirrored position', timeout: 180_000 })
      .toBeGreaterThan(0.4);
    const later = await mirror();
    expect(later, `mirror mass rose from ${first}`).toBeGreaterThan(Math.max(first, 2 / 8));
    await page
      .getByTestId('internals')
      .screenshot({ path: testInfo.outputPath('internals-attention.png') });
    expect(pageErrors).toEqual([]);
  },
);

test(
  'MNIST on WebGPU: drawing on the pad gives a prediction with class probabilities',
  { tag: '@webgpu' },
  async ({ page, pageErrors }, testInfo) => {
    await openApp(page);
    await loadPreset(page, 'mnist-mlp');
    await controls(page).backend.selectOption('webgpu');
    await openView(page, 'activations');
    await trainAndWait(page, { step: 40 }, { timeout: 90_000 });
    await controls(page).pause.click();
    // A vertical stroke down the middle of the pad: a "1".
    const pad = page.getByTestId('drawing-pad').locator('canvas').first();
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + i * 0.07));
    }
    await page.mouse.up();
    await expect(page.getByTestId('sample-index'), 'the drawing as the sample').toContainText(
      'drawing',
      { timeout: 60_000 },
    );
    const prediction = page.getByTestId('prediction');
    await expect(prediction, 'a prediction for the drawing').toContainText('%', {
      timeout: 30_000,
    });
    await expect(prediction).not.toContainText('true class', { timeout: 30_000 });
    await expect(prediction, 'a digit is predicted').toHaveAttribute('data-class', /^[0-9]$/);
    const values = (await prediction.locator('.probability-value').allTextContents()).map((t) =>
      Number.parseFloat(t),
    );
    expect(values, 'top-5 probabilities').toHaveLength(5);
    expect(values[0], 'sorted').toBeGreaterThanOrEqual(values[1]!);
    await expect(page.getByTestId('layer-activation'), 'every layer shown').toHaveCount(4);
    await page
      .getByTestId('internals')
      .screenshot({ path: testInfo.outputPath('internals-drawing.png') });
    expect(pageErrors).toEqual([]);
  },
);

test(
  'on WebGPU, the decision boundary changes as the spiral is learned; a confusion cell lists its samples',
  { tag: '@webgpu' },
  async ({ page, pageErrors }, testInfo) => {
    // 600 steps on a software WebGPU adapter take 1–3 minutes, more on a loaded machine.
    test.setTimeout(420_000);
    await openApp(page);
    const ui = controls(page);
    await ui.backend.selectOption('webgpu');
    await typeInto(ui.epochs, '200');
    await openView(page, 'boundary');
    await openView(page, 'confusion');
    await ui.step.click();
    await expect(page.getByTestId('decision-boundary')).toBeVisible();
    await page.waitForTimeout(500);
    const before = await boundaryPixels(page);
    await ui.resume.click();
    await waitForRun(page, { step: 600 }, { timeout: 240_000 });
    await ui.pause.click();
    await page.waitForTimeout(800);
    const after = await boundaryPixels(page);
    let changed = 0;
    for (let i = 0; i < before.length; i += 4) {
      const d = Math.abs(before[i]! - after[i]!) + Math.abs(before[i + 1]! - after[i + 1]!);
      if (d > 40) changed++;
    }
    const share = changed / (before.length / 4);
    expect(share, 'the boundary image changed (share of pixels)').toBeGreaterThan(0.05);

    // Keyboard: focus the matrix, move to the first cell, press Enter.
    await page.getByTestId('confusion-matrix').locator('canvas').first().focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const examples = page.getByTestId('confusion-examples');
    const count = Number(await examples.getAttribute('data-count'));
    expect(count, 'true blue predicted blue lists samples').toBeGreaterThan(0);
    const first = examples.getByRole('button').first();
    const label = (await first.textContent()) ?? ''; // "#12"
    await first.click();
    await expect(
      page.getByTestId('sample-index'),
      'the example opens in the activations',
    ).toHaveText(new RegExp(`${label.slice(1)}$`));
    await page
      .getByTestId('internals')
      .screenshot({ path: testInfo.outputPath('internals-spiral.png') });
    expect(pageErrors).toEqual([]);
  },
);

test('a sample picked in the dataset browser opens in the activations view', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await loadPreset(page, 'iris-mlp');
  await controls(page).backend.selectOption('cpu');
  await controls(page).step.click();
  await openSection(page.getByTestId('dataset-browser'));
  const row = page.getByTestId('browser-table').locator('tbody tr').nth(2);
  const species = ((await row.locator('.label-cell').textContent()) ?? '')
    .replace('inspect', '')
    .trim();
  await row.getByTestId('browser-inspect').click();
  await expect(
    page.getByTestId('view-activations'),
    'the activations view opened',
  ).toHaveJSProperty('open', true);
  await expect(page.getByTestId('sample-index'), 'the picked sample is shown').toContainText(
    'picked',
  );
  await expect(
    page.getByTestId('prediction'),
    'the prediction with the picked sample’s class',
  ).toContainText(`true class: ${species}`, { timeout: 30_000 });
  expect(pageErrors).toEqual([]);
});
