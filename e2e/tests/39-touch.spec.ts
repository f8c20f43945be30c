// By touch, on a tablet: a tap on a graph node opens its card, a finger draws a digit on the pad,
// and a tap on the timeline rewinds to an early checkpoint.
import type { Page } from '@playwright/test';
import { waitForRun, trainAndWait } from '../support/training';
import { expect, openApp, test } from '../support/test';
import { loadPreset, openSection } from '../support/ui';

test.use({ hasTouch: true, viewport: { width: 820, height: 1180 } });

/** A finger stroke through `points` (page coordinates), as touch events. */
async function stroke(page: Page, points: { x: number; y: number }[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const [first, ...rest] = points;
  if (!first) return;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first] });
  for (const point of rest) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('a tap on a graph node opens its card', async ({ page, pageErrors }) => {
  await openApp(page);
  await loadPreset(page, 'mnist-cnn');
  await page.getByRole('button', { name: 'Graph', exact: true }).tap();
  const node = page.locator('[data-testid="graph-node"][data-node-id="l2"]');
  await expect(node).toBeVisible({ timeout: 30_000 });
  await node.tap();
  await expect(page.getByRole('listitem', { name: /^Layer 2: / })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a finger draws a digit on the pad, and a tap on the timeline rewinds', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await loadPreset(page, 'mnist-mlp');
  await openSection(page.getByTestId('view-activations'));
  await trainAndWait(page, { phase: 'training' }, { timeout: 90_000 });
  await page.getByRole('button', { name: '❚❚ Pause', exact: true }).tap();
  await waitForRun(page, { phase: 'paused' });

  const pad = page.getByTestId('drawing-pad').locator('canvas').first();
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const x = box.x + box.width / 2;
  await stroke(
    page,
    Array.from({ length: 10 }, (_, i) => ({ x, y: box.y + box.height * (0.15 + i * 0.07) })),
  );
  await expect(page.getByTestId('sample-index'), 'the drawing as the sample').toContainText(
    'drawing',
    { timeout: 30_000 },
  );

  // The slider starts at "live" (its right end); a tap at its left end goes to the first checkpoint.
  // locator.tap scrolls the slider into view and waits until it stands still before the finger
  // comes down: a tap at coordinates measured before the page settled was sometimes not a tap.
  const slider = page.getByTestId('timeline-slider');
  await expect(slider).toHaveAttribute('aria-valuetext', 'live');
  const track = (await slider.boundingBox())!;
  // In one CI run (12-07) the tap still came to nothing, the slider left at "live", while earlier
  // and later runs passed: tapped again then. A tap that never rewinds still fails the test.
  await expect(async () => {
    await slider.tap({ position: { x: 4, y: track.height / 2 } });
    await expect(slider).toHaveValue('0', { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(slider).toHaveAttribute('aria-valuetext', /step 0/);

  // A tap on the loss curve shows the values there, and they stay after the finger lifts; a
  // touch elsewhere puts them away.
  const chart = page.getByTestId('loss-chart');
  const plot = chart.locator('.recharts-surface').first();
  const area = (await plot.boundingBox())!;
  await plot.tap({ position: { x: area.width * 0.6, y: area.height * 0.4 } });
  await expect(chart.locator('.curve-tooltip')).toBeVisible();
  await slider.tap({ position: { x: 4, y: track.height / 2 } });
  await expect(chart.locator('.curve-tooltip')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
