// Run history: every Train is kept; two spiral runs with different learning rates are listed with
// their difference, overlaid in one recharts chart, still there after a reload, and one of them
// continued from a checkpoint as a fork.
import { expect, test } from '../support/test';
import { spiralRunDone, trainAndWait, waitForRun } from '../support/training';
import { typeInto } from '../support/ui';

test('two runs are kept, compared in one chart and survive a reload', async ({
  page,
  pageErrors,
}, testInfo) => {
  test.setTimeout(300_000);
  const ui = await spiralRunDone(page);
  await typeInto(ui.learningRate, '0.1');
  await trainAndWait(page, { phase: 'done' });

  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  // Newest first: the second run names what changed from the first.
  await expect(rows.first().getByTestId('run-changes')).toHaveText('lr 0.01 → 0.1');
  await expect(rows.last().getByTestId('run-changes')).toHaveText('first run');
  await expect(rows.first()).toHaveAttribute('data-status', 'done');

  await page.getByRole('checkbox', { name: 'Compare Run 1' }).check();
  await page.getByRole('checkbox', { name: 'Compare Run 2' }).check();
  const chart = page.getByTestId('compare-chart');
  // Two runs × (training + validation), drawn by recharts.
  await expect(chart).toHaveAttribute('data-series', '4');
  await expect(chart.locator('.recharts-line')).toHaveCount(4);
  // The tooltip is mounted only while a pointer is over the chart, and then lists every run.
  await expect(chart.locator('.curve-tooltip')).toHaveCount(0);
  const plot = chart.locator('.recharts-surface').first();
  const box = await plot.boundingBox();
  if (!box) throw new Error('compare chart has no box');
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const tooltip = chart.locator('.curve-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('li')).toHaveCount(4);
  await page.mouse.move(0, 0);
  await expect(chart.locator('.curve-tooltip')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('runs-laptop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('runs-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1400, height: 1000 });

  // A name and a pin are kept too.
  const name = page.getByRole('textbox', { name: 'Name of run 2' });
  await name.fill('fast lr');
  await name.press('Enter');
  await page.getByRole('button', { name: /^Pin fast lr/ }).click();

  await page.reload();
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: 'Name of run 2' })).toHaveValue('fast lr');
  await expect(page.getByRole('button', { name: 'Unpin fast lr' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('checkbox', { name: 'Compare fast lr' }).check();
  await expect(page.getByTestId('compare-chart')).toHaveAttribute('data-series', '2');

  // Continue run 1 from its checkpoint at step 10: a new run, a fork, that trains on from there.
  await page
    .getByRole('combobox', { name: 'Checkpoint of Run 1 to continue from' })
    .selectOption('10');
  await page.getByRole('button', { name: /^Continue Run 1 from step 10/ }).click();
  await waitForRun(page, { phase: 'paused' });
  await expect(page.getByTestId('run-row')).toHaveCount(3);
  await expect(page.getByTestId('run-row').first()).toContainText(
    'continued from Run 1 at step 10',
  );
  await expect(page.getByTestId('phase-message')).toContainText('Continuing from step 10');
  await ui.resume.click();
  await waitForRun(page, { phase: 'done' });
  expect(pageErrors).toEqual([]);
});
