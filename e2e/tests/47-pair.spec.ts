// "Train A and B": a spiral run ticked in the list trains again as A beside the design on screen
// (B, another learning rate), interleaved on the same data and seed; both runs are recorded with
// their difference and their curves share the comparison chart while they grow.
import { expect, test } from '../support/test';
import { spiralRunDone, waitForRun } from '../support/training';
import { typeInto } from '../support/ui';

test('A and B train side by side and are kept as two runs', async ({
  page,
  pageErrors,
}, testInfo) => {
  test.setTimeout(300_000);
  // 100 epochs: on WASM the pair of 3-epoch runs was over in a fraction of a second, before its
  // status line (shown only while they train) could be read.
  const ui = await spiralRunDone(page, 100);
  await typeInto(ui.learningRate, '0.1');

  const pair = page.getByTestId('train-pair');
  await expect(pair).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Compare Run 1' }).check();
  await expect(page.locator('#pair-why')).toHaveText(
    'A: Run 1 · B: the design on screen (lr 0.01 → 0.1).',
  );
  await pair.click();

  const status = page.getByTestId('pair-status');
  await expect(status).toHaveAttribute('data-mode', 'interleaved');
  await expect(status).toContainText('one step of each in turn');
  // Both runs are compared while they train: A and B, training and validation each.
  const chart = page.getByTestId('compare-chart');
  await expect(chart).toHaveAttribute('data-series', /^[24]$/);
  await waitForRun(page, { phase: 'done' });
  await expect(chart).toHaveAttribute('data-series', '4');
  await expect(chart.locator('.recharts-line')).toHaveCount(4);
  // Once both ended, the line that says how they train goes.
  await expect(status).toHaveCount(0);

  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('textbox', { name: 'Name of run 2' })).toHaveValue('A');
  await expect(page.getByRole('textbox', { name: 'Name of run 3' })).toHaveValue('B');
  // B reads as the A/B difference; A is Run 1's design again.
  await expect(rows.nth(0).getByTestId('run-changes')).toHaveText('lr 0.01 → 0.1');
  await expect(rows.nth(1).getByTestId('run-changes')).toHaveText('same as the run before');
  for (const row of [rows.nth(0), rows.nth(1)])
    await expect(row).toHaveAttribute('data-status', 'done');
  await expect(rows.nth(0).getByTestId('run-steps')).toHaveText(
    (await rows.nth(1).getByTestId('run-steps').textContent()) ?? '',
  );
  await page.screenshot({ path: testInfo.outputPath('pair-laptop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await pair.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('pair-phone.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
