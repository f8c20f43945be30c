// Training options a learner reaches for: under "More", a cosine schedule with warm-up changes the
// rate in use as the run goes (a curve of its own), clipping by norm shows each step's gradient
// norm (a curve too), and early
// stopping ends a run with its reason.
import { seriousViolations } from '../support/axe';
import { waitForRun, trainAndWait } from '../support/training';
import { expect, openApp, test } from '../support/test';
import { controls, typeInto } from '../support/ui';

test('a cosine schedule, clipping and early stopping, set under More', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  const ui = controls(page);
  await typeInto(ui.epochs, '30');
  await page.getByText('More: schedule, clipping, early stopping, optimizer settings').click();
  const options = page.getByTestId('advanced-training');
  await expect(options).toBeVisible();
  // Adam's own settings show for Adam.
  await expect(options.getByRole('spinbutton', { name: 'β1', exact: true })).toHaveValue('0.9');
  await options.getByRole('combobox', { name: 'Schedule', exact: true }).selectOption('cosine');
  await typeInto(options.getByRole('spinbutton', { name: 'Warm-up steps', exact: true }), '20');
  await options.getByRole('combobox', { name: 'Clip', exact: true }).selectOption('norm');
  await typeInto(options.getByRole('spinbutton', { name: 'Threshold', exact: true }), '0.5');
  await options.getByLabel('Stop when validation stops improving').check();
  await typeInto(options.getByRole('spinbutton', { name: 'Patience (epochs)', exact: true }), '2');
  await typeInto(options.getByRole('spinbutton', { name: 'Min. improvement', exact: true }), '1');
  expect(await seriousViolations(page, '[data-testid="advanced-training"]'), 'axe').toEqual([]);

  await trainAndWait(page, { phase: 'done' }, { timeout: 90_000 });
  // No improvement of 1 is possible: it stops two epochs after the first, with the reason.
  await expect(page.getByTestId('phase-message')).toContainText('Stopped early at epoch 3');
  // Marked on the curves: where it stopped, and the best epoch (the first) it went back to.
  const loss = page.getByTestId('loss-chart');
  await expect(loss).toHaveAttribute('data-early-stop', /^\d+$/);
  expect(Number(await loss.getAttribute('data-best'))).toBeLessThan(
    Number(await loss.getAttribute('data-early-stop')),
  );
  await expect(loss.getByText('stopped early', { exact: true })).toBeVisible();
  await expect(loss.getByText('best epoch (restored)', { exact: true })).toBeVisible();
  await expect(page.getByTestId('grad-norm'), 'the gradient norm while clipping').toHaveText(/^\d/);
  // 3 epochs of the 30-epoch cosine: the rate has only begun to fall from 0.01.
  const rate = Number(await page.getByTestId('lr-in-use').textContent());
  expect(rate).toBeLessThan(0.01);
  expect(rate).toBeGreaterThan(0.009);
  // Both as curves under the loss and accuracy.
  await expect(page.getByTestId('rate-chart')).toBeVisible();
  await expect(page.getByTestId('grad-norm-chart')).toBeVisible();
  await expect(page.getByTestId('rate-chart').locator('.recharts-line')).toHaveCount(1);
  await page.getByTestId('rate-chart').screenshot({ path: test.info().outputPath('rate.png') });
  await waitForRun(page, { phase: 'done' });
  expect(pageErrors).toEqual([]);
});
