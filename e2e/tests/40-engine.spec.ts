// The model engine in the browser: gradients of every layer type on WebGPU (and WebGL) match the
// CPU backend's, and the transformer and LSTM presets train in the worker on WebGPU.
import type { Page } from '@playwright/test';
import { buildHarness } from '../harness/build';
import type { GradientReport, GradientRow } from '../harness/gradients.worker';
import { serveFolder } from '../support/server';
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun, type Curve } from '../support/training';
import { controls, layerCards, layerControls, loadPreset, typeInto } from '../support/ui';

const TOLERANCE = 1e-4;

function printTable(rows: GradientRow[]) {
  console.log(
    '    layer type                               backend  rel. error   time  worst weight',
  );
  for (const r of rows) {
    const err = r.error ? `ERROR ${r.error}` : r.relativeError.toExponential(2);
    console.log(
      `    ${r.name.padEnd(40)} ${r.backend.padEnd(8)} ${err.padEnd(10)} ${String(r.ms).padStart(6)} ms  ${r.worstWeight ?? ''}`,
    );
  }
}

interface PresetRun {
  preset: string;
  timeout: number;
  tweak: (page: Page) => Promise<void>;
}

/** Trains a preset on WebGPU until its loss falls over 3 records; returns the loss curve. */
async function trainPreset(page: Page, errors: string[], run: PresetRun): Promise<Curve> {
  await openApp(page);
  await loadPreset(page, run.preset);
  await controls(page).backend.selectOption('webgpu');
  await run.tweak(page);
  const started = await trainAndWait(page, { phase: 'training' }, { timeout: run.timeout });
  expect(started.backend, 'runs on WebGPU').toBe('webgpu');
  const { loss } = await waitForRun(
    page,
    ({ loss }) => loss.points >= 3 && loss.last < loss.first,
    { timeout: run.timeout },
  );
  await controls(page).stop.click();
  expect(errors).toEqual([]);
  return loss;
}

test('the seeds’ CNN learns real MNIST digits on WebGL within 50 steps', async ({
  page,
  pageErrors,
}) => {
  // Convolutions are slow on software backends (a few samples/s here; the CPU backend is slower
  // still), so this checks learning, not the preset's 3 epochs: SGD + momentum at lr 0.01 takes
  // the same CNN in PyTorch to 60–68 % test accuracy by step 40 (3 seeds, measured).
  test.setTimeout(540_000);
  await openApp(page);
  await loadPreset(page, 'mnist-cnn');
  await controls(page).backend.selectOption('webgl');
  await trainAndWait(page, { step: 50 }, { timeout: 480_000, interval: 1000 });
  await controls(page).pause.click();
  const { backend, step, loss, accuracy } = await waitForRun(page, () => true);
  expect(backend, 'runs on WebGL').toBe('webgl');
  console.log(
    `    CNN at step ${step}: loss ${loss.first.toFixed(3)} → ${loss.last.toFixed(3)}, training accuracy ${accuracy.first.toFixed(3)} → ${accuracy.last.toFixed(3)}`,
  );
  expect(loss.last, 'the loss fell well below chance (ln 10 = 2.30)').toBeLessThan(1.7);
  expect(accuracy.last, 'far above the 10 % of chance').toBeGreaterThan(0.4);
  expect(pageErrors).toEqual([]);
});

test(
  'one training step: every layer type’s gradients on WebGPU and WebGL match the CPU backend',
  { tag: '@webgpu' },
  async ({ page }, testInfo) => {
    test.setTimeout(480_000);
    const server = await serveFolder(await buildHarness(), '/harness/');
    try {
      await page.goto(server.url);
      await expect(page.locator('#status')).toHaveText('ready');
      const only = process.env.GRAD_ONLY?.split(',');
      await page.evaluate(
        (only) =>
          (window as unknown as { runGradients(b: string[], o?: string[]): void }).runGradients(
            ['webgpu', 'webgl'],
            only,
          ),
        only,
      );
      await page.waitForFunction(() => 'gradientReport' in window, null, { timeout: 400_000 });
      const report = await page.evaluate(
        () =>
          (window as unknown as { gradientReport: GradientReport | { error: string } })
            .gradientReport,
      );
      if ('error' in report) throw new Error(`harness error: ${report.error}`);
      printTable(report.rows);
      expect(report.rows.length, 'all cases ran on both backends').toBeGreaterThanOrEqual(36);
      const bad = report.rows.filter((r) => r.error || !(r.relativeError <= TOLERANCE));
      expect(
        bad.map((r) => `${r.name}/${r.backend}`),
        `gradients differ beyond ${TOLERANCE}`,
      ).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath('gradients.png') });
    } finally {
      await server.close();
    }
  },
);

test(
  'the transformer preset trains on WebGPU with a falling loss',
  { tag: '@webgpu' },
  async ({ page, pageErrors }) => {
    test.setTimeout(500_000);
    const loss = await trainPreset(page, pageErrors, {
      preset: 'reverse-transformer',
      timeout: 240_000,
      tweak: (page) => typeInto(controls(page).samples, '640'),
    });
    console.log(
      `    transformer loss ${loss.first.toFixed(3)} → ${loss.last.toFixed(3)} over ${loss.points} records`,
    );
  },
);

test(
  'the LSTM preset trains on WebGPU with a falling loss',
  { tag: '@webgpu' },
  async ({ page, pageErrors }) => {
    test.setTimeout(500_000);
    const loss = await trainPreset(page, pageErrors, {
      preset: 'reverse-lstm',
      timeout: 240_000,
      tweak: async (page) => {
        await typeInto(controls(page).samples, '640');
        await typeInto(layerControls(layerCards(page).nth(1)).units, '16');
      },
    });
    console.log(
      `    LSTM loss ${loss.first.toFixed(3)} → ${loss.last.toFixed(3)} over ${loss.points} records`,
    );
  },
);
