// The comparison chart zooms to an x range with "from" and "to" sliders, and the zoom holds while
// another run trains (the chart's data changes about once a second then): it is kept in x, and
// only the zoomed range is downsampled.
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/test';
import { spiralRunDone, waitForRun } from '../support/training';
import { typeInto } from '../support/ui';

/** The x-axis tick labels: they follow the zoomed range. */
async function xAxisText(chart: Locator): Promise<string[]> {
  return chart.locator('.recharts-xAxis-tick-labels text').allTextContents();
}

test('a zoomed comparison stays zoomed while another run trains', async ({
  page,
  pageErrors,
}, testInfo) => {
  test.setTimeout(240_000);
  const ui = await spiralRunDone(page, 30);
  await page.getByRole('checkbox', { name: 'Compare Run 1' }).check();
  const chart = page.getByTestId('compare-chart');
  await expect(chart.locator('.recharts-line')).toHaveCount(2);
  // Epochs fall between whole numbers: the axis and the sliders write them with decimals.
  await chart.getByLabel('x-axis').selectOption('epoch');
  const fullAxis = await xAxisText(chart);

  // From the keyboard: "to" moved left from the end.
  const to = chart.getByRole('slider', { name: 'To (epoch)' });
  const from = chart.getByRole('slider', { name: 'From (epoch)' });
  await expect(to).toHaveAttribute('aria-valuetext', '30');
  await to.focus();
  await page.keyboard.press('PageDown');
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await from.focus();
  await page.keyboard.press('PageUp');
  const zoomedTo = await to.getAttribute('aria-valuetext');
  expect(Number(zoomedTo)).toBeLessThan(30);
  expect(zoomedTo).toMatch(/^\d+(\.\d{1,2})?$/);
  const zoomedAxis = await xAxisText(chart);
  expect(zoomedAxis).not.toEqual(fullAxis);

  // Train again: Run 2's summary reaches the page about once a second while it trains.
  await typeInto(ui.epochs, '200');
  await page.getByTestId('train-button').click();
  await waitForRun(page, { phase: 'training' });
  const steps = page.getByTestId('run-row').first().getByTestId('run-steps');
  for (let i = 0; i < 2; i++) {
    const before = await steps.textContent();
    await expect(steps).not.toHaveText(before ?? '', { timeout: 20_000 });
  }
  // The chart still shows the zoomed range.
  expect(await xAxisText(chart)).toEqual(zoomedAxis);
  await expect(to).toHaveAttribute('aria-valuetext', zoomedTo ?? '');
  await chart.screenshot({ path: testInfo.outputPath('zoom-laptop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await chart.screenshot({ path: testInfo.outputPath('zoom-phone.png') });

  // "Show all" gives the whole range back.
  await chart.getByRole('button', { name: 'Show all' }).click();
  await expect(to).toHaveAttribute('aria-valuetext', '30');
  await page.getByTestId('stop-button').click();
  expect(pageErrors).toEqual([]);
});
