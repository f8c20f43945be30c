// Classroom: a lesson opened from a link points at the screen and checks the learner's own result;
// a teacher's link fixes the preset, locks and hides parts, and turns on presentation mode.
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, waitFor } from '../assert.mjs';

export const tests = {
  async 'a lesson checks its goal on the learner’s own design and training'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, `${url}?lesson=spiral-few-neurons`);
      const lesson = page.getByTestId('lesson');
      await lesson.waitFor();
      assert((await lesson.getAttribute('data-lesson')) === 'spiral-few-neurons', 'opened');
      assert(
        (await page.evaluate(() => document.body.dataset.highlight)) === 'controls',
        'step 1 points at the training controls',
      );
      await page.getByTestId('lesson-next').click();
      const goal = page.getByTestId('lesson-goal');
      assert(
        (await goal.getAttribute('data-met')) === 'false',
        'the 32-neuron design does not meet it',
      );
      assert(
        (await page.evaluate(() => document.body.dataset.highlight)) === 'designer',
        'step 2 points at the designer',
      );

      // The learner's answer: 10 + 10 ReLU neurons, a faster learning rate, more epochs (on the
      // CPU backend: a tiny MLP steps fastest there).
      const cards = page.getByTestId('layer-card');
      for (const i of [0, 1]) await typeInto(cards.nth(i).getByTestId('layer-field-units'), '10');
      await typeInto(page.getByTestId('lr-input'), '0.03');
      await typeInto(page.getByTestId('epochs-input'), '300');
      await page.getByTestId('backend-select').selectOption('cpu');
      await page.getByTestId('train-button').click();
      await waitFor(
        () => goal.getAttribute('data-met'),
        (m) => m === 'true',
        {
          what: 'the goal met by training',
          timeout: 180_000,
        },
      );
      await page
        .getByTestId('pause-button')
        .click()
        .catch(() => undefined);
      await page.getByTestId('lesson-next').click();
      assert((await lesson.getAttribute('data-step')) === '2', 'on to the last step');

      // Progress is kept: after a reload the list shows the goal met.
      await page.reload();
      await page.getByTestId('lesson').waitFor();
      assert((await page.getByTestId('lesson').getAttribute('data-step')) === '2', 'step kept');
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'a teacher’s link fixes the preset, locks and hides controls, and presents large'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(
        browser,
        `${url}?preset=mnist-mlp&lock=designer,dataset&hide=upload,export,lessons&present=1`,
      );
      await waitFor(
        () => page.getByTestId('dataset-select').inputValue(),
        (v) => v === 'mnist',
        { what: 'the fixed preset' },
      );
      assert(await page.getByTestId('dataset-select').isDisabled(), 'the dataset is locked');
      assert(
        await page.getByTestId('layer-card').first().getByTestId('layer-remove').isDisabled(),
        'the design is locked',
      );
      assert(!(await page.getByTestId('train-button').isDisabled()), 'training still works');
      for (const hidden of ['upload-panel', 'code-export', 'lessons']) {
        assert((await page.getByTestId(hidden).count()) === 0, `${hidden} is hidden`);
      }
      assert(
        (await page.locator('.app').getAttribute('data-presentation')) === 'true',
        'presentation mode',
      );
      const size = await page.evaluate(
        () => getComputedStyle(document.querySelector('.app')).fontSize,
      );
      assert(parseFloat(size) >= 19, `large type: ${size}`);

      // One view at a time: opening a second closes the first.
      await page.getByTestId('view-activations').locator('summary').click();
      await page.getByTestId('view-histograms').locator('summary').click();
      await waitFor(
        () => page.getByTestId('view-activations').evaluate((e) => e.open),
        (open) => open === false,
        { what: 'the first view closed' },
      );
      assert(
        await page.getByTestId('view-histograms').evaluate((e) => e.open),
        'the second is open',
      );

      await page.goto(`${url}?hide=upload,everything&preset=nope`);
      const notice = await page.getByTestId('notice').textContent();
      assert(/everything/.test(notice) && /nope/.test(notice), `explained: ${notice}`);
      assert((await page.getByTestId('upload-panel').count()) === 0, 'the usable part applies');
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
