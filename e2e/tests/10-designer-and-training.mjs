// A user builds a small MLP by clicking, trains it on WebGPU, pauses, steps, resumes, changes the
// learning rate live, stops, and finds the design again after a reload.
import { join } from 'node:path';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';

async function buildMlp(page) {
  const cards = page.getByTestId('layer-card');
  // Start from an empty model: Train must be disabled with the reason shown.
  while ((await cards.count()) > 0) await cards.first().getByTestId('layer-remove').click();
  assert(
    await page.getByTestId('train-button').isDisabled(),
    'Train is disabled for an empty model',
  );
  const reason = await page.getByTestId('train-disabled-reason').textContent();
  assert(reason.includes('no layers'), `reason names the problem: ${reason}`);

  // An invalid layer is marked on the layer itself.
  await page.getByTestId('add-layer-kind').selectOption('conv2d');
  await page.getByTestId('add-layer').click();
  const problem = await cards.first().getByTestId('layer-problem').textContent();
  assert(problem.includes('needs an image input'), `conv on a flat input explained: ${problem}`);
  assert(
    await page.getByTestId('train-button').isDisabled(),
    'Train is disabled for an invalid design',
  );
  await cards.first().getByTestId('layer-remove').click();

  // Dense 8 tanh → Dense 2 softmax.
  await page.getByTestId('add-layer-kind').selectOption('dense');
  await page.getByTestId('add-layer').click();
  await page.getByTestId('add-layer').click();
  await typeInto(cards.nth(0).getByTestId('layer-field-units'), '8');
  await cards.nth(0).getByTestId('layer-field-activation').selectOption('tanh');
  await typeInto(cards.nth(1).getByTestId('layer-field-units'), '0');
  const zero = await cards.nth(1).getByTestId('layer-problem').textContent();
  assert(zero.includes('Units must be at least 1'), `zero units explained: ${zero}`);
  await typeInto(cards.nth(1).getByTestId('layer-field-units'), '2');
  await cards.nth(1).getByTestId('layer-field-activation').selectOption('softmax');

  // Reorder and back: the designer moves layers, output shapes follow.
  await cards.nth(1).getByTestId('layer-up').click();
  assert(
    (await cards.nth(0).getByTestId('layer-shape').textContent()) === '[2]',
    'moved layer first',
  );
  await cards.nth(0).getByTestId('layer-down').click();

  const params = [
    await cards.nth(0).getByTestId('layer-params').textContent(),
    await cards.nth(1).getByTestId('layer-params').textContent(),
  ];
  assert(params[0] === '24' && params[1] === '18', `Keras parameter counts 24, 18: ${params}`);
  assert((await page.getByTestId('total-params').textContent()) === '42', 'total 42');
  assert(await page.getByTestId('train-button').isEnabled(), 'Train enabled for a valid design');
}

async function setSettings(page) {
  await page.getByTestId('dataset-select').selectOption('xor');
  await typeInto(page.getByTestId('samples-input'), '200');
  await typeInto(page.getByTestId('noise-input'), '0');
  await typeInto(page.getByTestId('lr-input'), '0.05');
  await typeInto(page.getByTestId('batch-input'), '16');
  await page.getByTestId('backend-select').selectOption('webgpu');
}

export const tests = {
  async 'presets show the parameter counts Keras reports'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page } = await openApp(browser, url);
      const expected = { 'mnist-mlp': '55,050', 'mnist-cnn': '421,642', 'toy-231': '13' };
      for (const [preset, total] of Object.entries(expected)) {
        await page.getByTestId('preset-select').selectOption(preset);
        await page.getByTestId('preset-load').click();
        const shown = await page.getByTestId('total-params').textContent();
        assert(shown === total, `${preset}: total ${shown}, Keras says ${total}`);
      }
      // Switching the data never rewrites the design: the CNN on a 2-D set is marked invalid instead.
      await page.getByTestId('preset-select').selectOption('mnist-cnn');
      await page.getByTestId('preset-load').click();
      await page.getByTestId('dataset-select').selectOption('spiral');
      assert((await page.getByTestId('layer-card').count()) === 7, 'design unchanged');
      const problem = await page
        .getByTestId('layer-card')
        .first()
        .getByTestId('layer-problem')
        .textContent();
      assert(problem.includes('needs an image input'), `problem on layer 1: ${problem}`);
      assert(await page.getByTestId('train-button').isDisabled(), 'Train disabled');
    } finally {
      await browser.close();
    }
  },

  async 'build an MLP, train on WebGPU, pause/step/resume, live LR, reload keeps the design'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: true });
    try {
      const { page, errors } = await openApp(browser, url);
      await buildMlp(page);
      await setSettings(page);

      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'training',
        { what: 'training phase' },
      );
      assert(
        (await ui.backend(page)) === 'webgpu',
        `backend shown is WebGPU, got ${await ui.backend(page)}`,
      );
      await waitFor(
        () => ui.step(page),
        (s) => s >= 20,
        { what: 'step ≥ 20', timeout: 90_000 },
      );

      // Pause stops the counter; Step adds exactly one; Resume continues.
      await page.getByTestId('pause-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'paused',
        { what: 'paused' },
      );
      const paused = await ui.step(page);
      await page.waitForTimeout(1500);
      assert((await ui.step(page)) === paused, 'step counter stays while paused');
      await page.getByTestId('step-button').click();
      await waitFor(
        () => ui.step(page),
        (s) => s === paused + 1,
        { what: 'one single step' },
      );
      await page.getByTestId('resume-button').click();
      await waitFor(
        () => ui.step(page),
        (s) => s > paused + 5,
        { what: 'steps after resume' },
      );

      // The learning rate changes while training runs.
      await typeInto(page.getByTestId('lr-input'), '0.02');
      await waitFor(
        async () => page.getByTestId('lr-in-use').textContent(),
        (t) => t === '0.02',
        { what: 'new learning rate in use' },
      );

      const loss = await waitFor(
        () => ui.chart(page, 'loss'),
        (c) => c.points >= 6 && c.last < c.first,
        {
          what: 'a falling loss curve',
          timeout: 120_000,
        },
      );
      assert(loss.valPoints >= 1, 'validation points drawn');
      await page.getByTestId('stop-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'done',
        { what: 'done after stop' },
      );
      await page.screenshot({ path: join(artifacts, 'trained-webgpu.png'), fullPage: true });
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);

      // Reset forgets the run: counters and curves are empty again, the design stays.
      await page.getByTestId('reset-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'idle',
        { what: 'idle after reset' },
      );
      assert((await ui.step(page)) === 0, 'step counter back to 0');
      assert((await ui.chart(page, 'loss')).points === 0, 'loss curve cleared');

      // Reload: the design and settings are still there.
      await page.reload();
      await page.getByTestId('train-button').waitFor();
      const cards = page.getByTestId('layer-card');
      assert((await cards.count()) === 2, 'two layers after reload');
      assert(
        (await cards.nth(0).getByTestId('layer-field-units').inputValue()) === '8',
        'units kept',
      );
      assert((await page.getByTestId('dataset-select').inputValue()) === 'xor', 'dataset kept');
      assert((await page.getByTestId('lr-input').inputValue()) === '0.02', 'learning rate kept');
      assert(
        (await page.getByTestId('backend-select').inputValue()) === 'webgpu',
        'backend choice kept',
      );
    } finally {
      await browser.close();
    }
  },
};
