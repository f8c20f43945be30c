// Classroom: a lesson opened from a link points at the screen and checks the learner's own result;
// a teacher's link fixes the preset, locks and hides parts, and turns on presentation mode.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { trainAndWait } from '../support/training';
import { controls, layerCards, layerControls, typeInto } from '../support/ui';

const highlight = (page: Page) => page.evaluate(() => document.body.dataset.highlight);

test('a lesson checks its goal on the learner’s own design and training', async ({
  page,
  pageErrors,
}) => {
  await openApp(page, './?lesson=spiral-few-neurons');
  const ui = controls(page);
  const lesson = page.getByTestId('lesson');
  await expect(lesson, 'opened').toHaveAttribute('data-lesson', 'spiral-few-neurons');
  expect(await highlight(page), 'step 1 points at the training controls').toBe('controls');
  // A side panel on a laptop: still in view with the page scrolled down to the internals.
  await page.getByTestId('internals').scrollIntoViewIfNeeded();
  await expect(lesson, 'beside the work').toBeInViewport();
  await page.getByTestId('lesson-next').click();
  const goal = page.getByTestId('lesson-goal');
  await expect(goal, 'the 32-neuron design does not meet it').toHaveAttribute('data-met', 'false');
  expect(await highlight(page), 'step 2 points at the designer').toBe('designer');

  // The learner's answer: 10 + 10 ReLU neurons, a faster learning rate, more epochs (on the
  // CPU backend: a tiny MLP steps fastest there).
  for (const i of [0, 1]) await typeInto(layerControls(layerCards(page).nth(i)).units, '10');
  await typeInto(ui.learningRate, '0.03');
  await typeInto(ui.epochs, '300');
  await ui.backend.selectOption('cpu');
  // The goal met by training.
  await trainAndWait(page, async () => (await goal.getAttribute('data-met')) === 'true', {
    timeout: 180_000,
  });
  // The run may have ended by itself already: then there is nothing to pause.
  await ui.pause.click({ timeout: 2_000 }).catch(() => undefined);
  await page.getByTestId('lesson-next').click();
  await expect(lesson, 'on to the last step').toHaveAttribute('data-step', '2');

  // Progress is kept: after a reload the list shows the goal met.
  await page.reload();
  await expect(page.getByTestId('lesson'), 'step kept').toHaveAttribute('data-step', '2', {
    timeout: 30_000,
  });
  expect(pageErrors).toEqual([]);
});

test('a teacher’s link fixes the preset, locks and hides controls, and presents large', async ({
  page,
  pageErrors,
}) => {
  await openApp(
    page,
    './?preset=mnist-mlp&lock=designer,dataset&hide=upload,export,lessons&present=1',
  );
  const ui = controls(page);
  await expect(ui.dataset, 'the fixed preset').toHaveValue('mnist', { timeout: 60_000 });
  await expect(ui.dataset, 'the dataset is locked').toBeDisabled();
  await expect(
    layerControls(layerCards(page).first()).remove,
    'the design is locked',
  ).toBeDisabled();
  await expect(ui.train, 'training still works').toBeEnabled();
  for (const hidden of ['upload-panel', 'code-export', 'lessons']) {
    await expect(page.getByTestId(hidden), `${hidden} is hidden`).toHaveCount(0);
  }
  const app = page.locator('.app');
  await expect(app, 'presentation mode').toHaveAttribute('data-presentation', 'true');
  const size = await app.evaluate((element) => getComputedStyle(element).fontSize);
  expect(parseFloat(size), `large type: ${size}`).toBeGreaterThanOrEqual(19);

  // One view at a time: opening a second closes the first.
  await page.getByTestId('view-activations').locator('summary').click();
  await page.getByTestId('view-histograms').locator('summary').click();
  await expect(page.getByTestId('view-activations'), 'the first view closed').toHaveJSProperty(
    'open',
    false,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('view-histograms'), 'the second is open').toHaveJSProperty(
    'open',
    true,
  );

  // The preset applied once: a reload keeps the student's changes since, and the locks.
  await expect(page, 'the preset left the address').not.toHaveURL(/preset=/);
  await expect(page, 'the locks stay').toHaveURL(/lock=designer/);
  await typeInto(ui.epochs, '7');
  await page.reload();
  await expect(ui.epochs, 'the change survives the reload').toHaveValue('7', { timeout: 60_000 });
  await expect(ui.dataset, 'still locked').toBeDisabled();

  await page.goto('./?hide=upload,everything&preset=nope');
  const notice = page.getByTestId('notice');
  await expect(notice, 'explained').toContainText('everything');
  await expect(notice, 'explained').toContainText('nope');
  await expect(page.getByTestId('upload-panel'), 'the usable part applies').toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
