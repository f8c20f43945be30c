// The divergence lesson in the browser: SGD with momentum at 0.5 on the noisy sine pauses on a
// NaN loss with a message that offers the cures, the lesson ticks the step, and the same rate with
// clipping trains to the goal, with the gradient norm drawn under the loss.
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { controls, typeInto } from '../support/ui';

test('diverge at a high rate, then rescue the same rate with clipping', async ({
  page,
  pageErrors,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  const ui = controls(page);
  // Chosen from the list, the lesson loads its preset: the noisy sine.
  await page.getByTestId('lesson-choices').locator('summary').click();
  await page.locator('[data-testid="lesson-start"][data-lesson="diverge-and-rescue"]').click();
  await expect(ui.dataset).toHaveValue('sine');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toHaveAttribute('data-lesson', 'diverge-and-rescue');
  const goal = page.getByTestId('lesson-goal');
  await expect(goal).toHaveAttribute('data-met', 'false');

  await ui.optimizer.selectOption('momentum');
  await typeInto(ui.learningRate, '0.5');
  await typeInto(ui.epochs, '20');
  await ui.backend.selectOption('cpu');
  await trainAndWait(page, { phase: 'paused' }, { timeout: 60_000 });
  await expect(page.getByTestId('phase-message')).toContainText('training diverged');
  await expect(page.getByTestId('phase-message')).toContainText(
    'The learning rate 0.5 is probably too high',
  );
  await expect(goal, 'the NaN ticks the first step').toHaveAttribute('data-met', 'true');

  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-next').click();
  await expect(lesson).toHaveAttribute('data-step', '2');
  await expect(goal).toHaveAttribute('data-met', 'false');
  await page.getByText('More: schedule, clipping, early stopping, optimizer settings').click();
  const options = page.getByTestId('advanced-training');
  await options.getByRole('combobox', { name: 'Clip', exact: true }).selectOption('norm');
  await typeInto(options.getByRole('spinbutton', { name: 'Threshold', exact: true }), '1');
  await ui.reset.click();
  await trainAndWait(page, { phase: 'done' }, { timeout: 120_000 });
  await expect(goal, 'rescued: the same rate trains').toHaveAttribute('data-met', 'true', {
    timeout: 10_000,
  });
  await expect(page.getByTestId('grad-norm-chart')).toBeVisible();
  await waitForRun(page, { phase: 'done' });
  expect(pageErrors).toEqual([]);
});
