// Bad things happen and the user's work survives: a diverging run, a crashed worker, unreadable saves.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { controls, layerCards, layerControls, typeInto } from '../support/ui';

async function useCpuSpiral(page: Page) {
  await controls(page).backend.selectOption('cpu');
  await typeInto(controls(page).epochs, '500');
}

test('a diverging loss pauses training and says why', async ({ page }) => {
  await openApp(page);
  const ui = controls(page);
  await useCpuSpiral(page);
  await layerControls(layerCards(page).nth(2)).activation.selectOption('linear');
  await ui.optimizer.selectOption('sgd');
  await ui.loss.selectOption('meanSquaredError');
  await typeInto(ui.learningRate, '10');
  await trainAndWait(page, { phase: 'paused' }, { timeout: 30_000 });
  const message = page.getByTestId('phase-message');
  await expect(message).toContainText(/NaN|infinite/);
  await expect(message).toContainText('learning rate');
  await expect(layerCards(page), 'design untouched').toHaveCount(3);
});

test('a crashed worker is reported and restarted; the design is intact and trains again', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await useCpuSpiral(page);
  const units = layerControls(layerCards(page).nth(0)).units;
  await typeInto(units, '12');
  await trainAndWait(page, (run) => run.step > 0);
  const [worker] = page.workers();
  expect(worker, 'the training worker is visible to the test').toBeDefined();
  // An uncaught exception in the worker's global scope: a real crash, as the browser reports it.
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  // The crash stops the run (phase error); the new worker may at once reopen the run it cut
  // short from its last checkpoint (paused), before a poll sees the error.
  await waitForRun(page, (run) => run.phase === 'error' || run.phase === 'paused');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('crashed');
  await expect(notice).toContainText('intact');
  await expect(units, 'design intact after the crash').toHaveValue('12');
  await page.screenshot({ path: testInfo.outputPath('worker-crash.png') });
  await trainAndWait(page, { phase: 'training' });
  await waitForRun(page, (run) => run.step > 0);
});

test('unreadable saved work is kept aside and explained', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'layerlab:work',
        '{"state":{"spec":{"version":1,"layers":[{"kind":"warp"}]}},"version":1}',
      );
    }
  });
  await openApp(page);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('could not be read');
  await expect(notice).toContainText('spec.layers');
  const kept = await page.evaluate(() => localStorage.getItem('layerlab:work:unreadable'));
  expect(kept, 'the unreadable copy is kept').toContain('warp');
  await expect(layerCards(page), 'default design shown').toHaveCount(3);
});

test('a number field holding text that is not a number says so and holds Train', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  const ui = controls(page);
  await expect(ui.train).toBeEnabled();
  // The browser reports "1e" in a number input as empty: the message cannot quote it.
  await ui.epochs.fill('');
  await ui.epochs.pressSequentially('1e');
  await expect(page.getByText('Type a number.'), 'the field says what is wrong').toBeVisible();
  await expect(ui.train, 'Train waits for a number').toBeDisabled();
  await expect(page.getByTestId('train-disabled-reason')).toContainText('Epochs');
  await ui.epochs.pressSequentially('1');
  await expect(ui.train, 'a number again: Train is back').toBeEnabled();
  await expect(ui.epochs).toHaveValue('1e1');
  expect(pageErrors).toEqual([]);
});
