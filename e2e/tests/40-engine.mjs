// The model engine in the browser: gradients of every layer type on WebGPU (and WebGL) match the
// CPU backend's, and the transformer and LSTM presets train in the worker on WebGPU.
import { join } from 'node:path';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';
import { buildHarness } from '../harness/build.mjs';
import { serveDist } from '../server.mjs';

const TOLERANCE = 1e-4;

function printTable(rows) {
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

async function trainPreset(url, preset, { minPoints, timeout, tweak }) {
  const browser = await launch({ webgpu: true });
  try {
    const { page, errors } = await openApp(browser, url);
    await page.getByTestId('preset-select').selectOption(preset);
    await page.getByTestId('preset-load').click();
    await page.getByTestId('backend-select').selectOption('webgpu');
    if (tweak) await tweak(page);
    await page.getByTestId('train-button').click();
    await waitFor(
      () => ui.phase(page),
      (p) => p === 'training',
      { what: 'training', timeout },
    );
    assert((await ui.backend(page)) === 'webgpu', 'runs on WebGPU');
    const loss = await waitFor(
      () => ui.chart(page, 'loss'),
      (c) => c.points >= minPoints && c.last < c.first,
      { what: `a falling ${preset} loss`, timeout },
    );
    await page.getByTestId('stop-button').click();
    assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    return loss;
  } finally {
    await browser.close();
  }
}

export const tests = {
  async 'the seeds’ CNN learns real MNIST digits on WebGL within 50 steps'({ url }) {
    // Convolutions are slow on software backends (a few samples/s here; the CPU backend is slower
    // still), so this checks learning, not the preset's 3 epochs: SGD + momentum at lr 0.01 takes
    // the same CNN in PyTorch to 60–68 % test accuracy by step 40 (3 seeds, measured).
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await page.getByTestId('preset-select').selectOption('mnist-cnn');
      await page.getByTestId('preset-load').click();
      await page.getByTestId('backend-select').selectOption('webgl');
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.step(page),
        (s) => s >= 50,
        { what: '50 CNN steps', timeout: 480_000, interval: 1000 },
      );
      await page.getByTestId('pause-button').click();
      assert((await ui.backend(page)) === 'webgl', 'runs on WebGL');
      const loss = await ui.chart(page, 'loss');
      const accuracy = await ui.chart(page, 'accuracy');
      console.log(
        `    CNN at step ${await ui.step(page)}: loss ${loss.first.toFixed(3)} → ${loss.last.toFixed(3)}, training accuracy ${accuracy.first.toFixed(3)} → ${accuracy.last.toFixed(3)}`,
      );
      assert(loss.last < 1.7, `the loss fell well below chance (ln 10 = 2.30): ${loss.last}`);
      assert(accuracy.last > 0.4, `far above the 10 % of chance: ${accuracy.last}`);
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'one training step: every layer type’s gradients on WebGPU and WebGL match the CPU backend'({
    artifacts,
  }) {
    const root = await buildHarness();
    const server = await serveDist({ root, base: '/harness/' });
    const browser = await launch({ webgpu: true });
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
      await page.evaluate(
        (only) => window.runGradients(['webgpu', 'webgl'], only),
        process.env.GRAD_ONLY ? process.env.GRAD_ONLY.split(',') : undefined,
      );
      await page.waitForFunction(() => window.gradientReport !== undefined, null, {
        timeout: 400_000,
      });
      const report = await page.evaluate(() => window.gradientReport);
      assert(!report.error, `harness error: ${report.error}`);
      printTable(report.rows);
      const bad = report.rows.filter((r) => r.error || !(r.relativeError <= TOLERANCE));
      assert(
        report.rows.length >= 36,
        `all cases ran on both backends (${report.rows.length} rows)`,
      );
      assert(
        bad.length === 0,
        `gradients differ beyond ${TOLERANCE}: ${bad.map((r) => `${r.name}/${r.backend}`).join(', ')}`,
      );
      await page.screenshot({ path: join(artifacts, 'gradients.png') });
    } finally {
      await browser.close();
      await server.close();
    }
  },

  async 'the transformer preset trains on WebGPU with a falling loss'({ url }) {
    const loss = await trainPreset(url, 'reverse-transformer', {
      minPoints: 3,
      timeout: 240_000,
      tweak: (page) => typeInto(page.getByTestId('samples-input'), '640'),
    });
    console.log(
      `    transformer loss ${loss.first.toFixed(3)} → ${loss.last.toFixed(3)} over ${loss.points} records`,
    );
  },

  async 'the LSTM preset trains on WebGPU with a falling loss'({ url }) {
    const loss = await trainPreset(url, 'reverse-lstm', {
      minPoints: 3,
      timeout: 240_000,
      tweak: async (page) => {
        await typeInto(page.getByTestId('samples-input'), '640');
        await typeInto(
          page.getByTestId('layer-card').nth(1).getByTestId('layer-field-units'),
          '16',
        );
      },
    });
    console.log(
      `    LSTM loss ${loss.first.toFixed(3)} → ${loss.last.toFixed(3)} over ${loss.points} records`,
    );
  },
};
