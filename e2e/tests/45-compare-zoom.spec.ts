// The comparison chart zooms to an x range with "from" and "to" sliders, and the zoom holds while
// another run trains (the chart's data changes about once a second then): it is kept in x, and
// only the zoomed range is downsampled.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/test';
import { spiralRunDone, waitForRun } from '../support/training';
import { typeInto } from '../support/ui';

async function downloadCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

/**
 * The comparison saved as a PNG, decoded in the page: its height, where the chart ends in it, and
 * which of the first two runs' colours (Run 1, Run 2) appear below the chart, in its legend.
 */
async function downloadedPng(page: Page, chart: Locator, keepAt: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    chart.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  await download.saveAs(keepAt);
  const data = readFileSync(keepAt).toString('base64');
  const svgHeight = (await chart.locator('svg').first().boundingBox())!.height;
  return page.evaluate(
    async ({ data, svgHeight }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      // Drawn at twice the size, below a 28 px title band.
      const chartBottom = Math.ceil((28 + svgHeight) * 2);
      const below = context.getImageData(0, chartBottom, image.width, image.height - chartBottom);
      const near = (hex: string) => {
        const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        for (let i = 0; i < below.data.length; i += 4) {
          if (rgb.every((c, k) => Math.abs(below.data[i + k]! - c) <= 6)) return true;
        }
        return false;
      };
      return {
        height: image.height,
        chartBottom,
        legendColours: { '#0072b2': near('#0072b2'), '#d55e00': near('#d55e00') },
      };
    },
    { data, svgHeight },
  );
}

/** The training rows of run number `run` in the comparison's CSV. */
function trainRows(csv: string, run: number): { step: number }[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const columns = header!.split(',');
  const at = (name: string) => columns.indexOf(name);
  return lines
    .map((line) => line.split(','))
    .filter((f) => f[at('run_number')] === String(run) && f[at('split')] === 'train')
    .map((f) => ({ step: Number(f[at('step')]) }));
}

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

  // Train again: Run 2's summary reaches the page about once a second while it trains. Far more
  // epochs than the test watches (it stops the run): 200 epochs (2,600 steps) ended on a
  // quiet machine before the five step counts below were seen, and the count then stood still.
  await typeInto(ui.epochs, '1000');
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

  // Run 2 compared while it trains: its curves come a piece at a time, the records after those
  // the page holds.
  await page.getByRole('checkbox', { name: 'Compare Run 2' }).check();
  await expect(chart.locator('.recharts-line')).toHaveCount(4);
  for (let i = 0; i < 3; i++) {
    const before = await steps.textContent();
    await expect(steps).not.toHaveText(before ?? '', { timeout: 20_000 });
  }
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('run-row').first()).not.toHaveAttribute('data-status', 'live');

  // Run 2's curves reached the chart a piece at a time while it trained (only the records after
  // what the page held): joined, each step is there once, in order, up to the run's last.
  await expect
    .poll(async () => {
      const rows = trainRows(await downloadCsv(page), 2);
      const steps = rows.map((row) => row.step);
      expect(steps, 'no step twice, none out of order').toEqual(
        [...new Set(steps)].sort((a, b) => a - b),
      );
      return steps.at(-1);
    })
    .toBe(Number((await steps.textContent())?.replace(/\D/g, '')));

  // The PNG carries a legend under the chart: each run's line in its colour.
  const picture = await downloadedPng(page, chart, testInfo.outputPath('compare-download.png'));
  expect(picture.height, 'title and legend around the chart').toBeGreaterThan(picture.chartBottom);
  expect(picture.legendColours).toEqual({ '#0072b2': true, '#d55e00': true });
  expect(pageErrors).toEqual([]);
});
