// Bad things happen and the user's work survives: a diverging run, a crashed worker, unreadable saves.
import { join } from 'node:path';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';

async function useCpuSpiral(page) {
  await page.getByTestId('backend-select').selectOption('cpu');
  await typeInto(page.getByTestId('epochs-input'), '500');
}

export const tests = {
  async 'a diverging loss pauses training and says why'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page } = await openApp(browser, url);
      await useCpuSpiral(page);
      const cards = page.getByTestId('layer-card');
      await cards.nth(2).getByTestId('layer-field-activation').selectOption('linear');
      await page.getByTestId('optimizer-select').selectOption('sgd');
      await page.getByTestId('loss-select').selectOption('meanSquaredError');
      await typeInto(page.getByTestId('lr-input'), '10');
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'paused',
        { what: 'paused on NaN', timeout: 30_000 },
      );
      const message = await page.getByTestId('phase-message').textContent();
      assert(
        /NaN|infinite/.test(message) && message.includes('learning rate'),
        `message: ${message}`,
      );
      assert((await cards.count()) === 3, 'design untouched');
    } finally {
      await browser.close();
    }
  },

  async 'a crashed worker is reported and restarted; the design is intact and trains again'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page } = await openApp(browser, url);
      await useCpuSpiral(page);
      await typeInto(page.getByTestId('layer-card').nth(0).getByTestId('layer-field-units'), '12');
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.step(page),
        (s) => s > 0,
        { what: 'training started' },
      );
      const [worker] = page.workers();
      assert(worker, 'the training worker is visible to the test');
      // An uncaught exception in the worker's global scope: a real crash, as the browser reports it.
      await worker.evaluate(() => {
        setTimeout(() => {
          throw new Error('simulated crash');
        });
      });
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'error',
        { what: 'error phase after crash' },
      );
      const notice = await page.getByTestId('notice').textContent();
      assert(notice.includes('crashed') && notice.includes('intact'), `notice: ${notice}`);
      const units = await page
        .getByTestId('layer-card')
        .nth(0)
        .getByTestId('layer-field-units')
        .inputValue();
      assert(units === '12', 'design intact after the crash');
      await page.screenshot({ path: join(artifacts, 'worker-crash.png') });
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'training',
        { what: 'training again' },
      );
      await waitFor(
        () => ui.step(page),
        (s) => s > 0,
        { what: 'steps in the new worker' },
      );
    } finally {
      await browser.close();
    }
  },

  async 'unreadable saved work is kept aside and explained'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const context = await browser.newContext();
      await context.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem(
            'layerlab:work',
            '{"state":{"spec":{"version":1,"layers":[{"kind":"warp"}]}},"version":1}',
          );
        }
      });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByTestId('train-button').waitFor();
      const notice = await page.getByTestId('notice').textContent();
      assert(
        notice.includes('could not be read') && notice.includes('spec.layers'),
        `notice: ${notice}`,
      );
      const kept = await page.evaluate(() => localStorage.getItem('layerlab:work:unreadable'));
      assert(kept && kept.includes('warp'), 'the unreadable copy is kept');
      assert((await page.getByTestId('layer-card').count()) === 3, 'default design shown');
    } finally {
      await browser.close();
    }
  },
};
