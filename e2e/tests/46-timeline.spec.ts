// Time travel: after a spiral run, the timeline rewinds the decision boundary to an early
// checkpoint (different from the final one, equal to what a fresh load of that checkpoint shows),
// "Continue from here" forks a run there, and a reload reopens the run it left paused.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { boundaryPixels, controls, openSection, typeInto } from '../support/ui';

/** The boundary canvas's pixels once the views show `step`. */
async function boundaryAt(page: Page, step: number): Promise<number[]> {
  await expect(page.getByTestId('probe-step')).toHaveText(`as of step ${step}`);
  await page.waitForTimeout(300); // the canvas draws on the next frame
  return boundaryPixels(page);
}

/** Share of pixels whose colour differs by more than `tolerance`. */
function differing(a: number[], b: number[], tolerance = 8): number {
  let changed = 0;
  for (let i = 0; i < a.length; i += 4) {
    const d =
      Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
    if (d > tolerance) changed++;
  }
  return changed / (a.length / 4);
}

test('the timeline rewinds the views to a checkpoint, forks from it, and a reload reopens the run', async ({
  page,
  pageErrors,
}, testInfo) => {
  test.setTimeout(300_000);
  await openApp(page);
  const ui = controls(page);
  await typeInto(ui.epochs, '3');
  await openSection(page.getByTestId('view-boundary'));
  const done = await trainAndWait(page, { phase: 'done' });
  const finalStep = done.step;
  const final = await boundaryAt(page, finalStep);

  const slider = page.getByRole('slider', { name: 'Timeline' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'live');
  // From the keyboard: Home is step 0, then checkpoints 1, 2, 5.
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', /^step 5 \(epoch \d+\)$/);
  await expect(page.getByTestId('timeline-status')).toContainText('step 5');
  await expect(page.getByTestId('probe-rewound')).toHaveText('Rewound to step 5');
  // The curves mark the step shown.
  const lossMarker = page.getByTestId('loss-chart').locator('.recharts-reference-line');
  await expect(lossMarker).toHaveCount(1);
  await expect(page.getByTestId('loss-chart').getByText('step 5', { exact: true })).toBeVisible();
  const early = await boundaryAt(page, 5);
  expect(differing(early, final), 'step 5 looks unlike the end').toBeGreaterThan(0.05);
  await page.screenshot({ path: testInfo.outputPath('timeline-laptop.png'), fullPage: true });

  // Back to live and again to step 5: the same picture (the copy is reloaded, not drifting).
  await page.getByTestId('timeline-live').click();
  await boundaryAt(page, finalStep);
  await expect(lossMarker).toHaveCount(0);
  // "Back to live" disables itself: the keyboard's place is the slider now, not the page.
  await expect(slider).toBeFocused();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  expect(differing(await boundaryAt(page, 5), early)).toBe(0);

  // A fresh load of that checkpoint (the fork's live model) shows the same boundary.
  await page.getByTestId('timeline-continue').click();
  await waitForRun(page, { phase: 'paused' });
  // The keyboard's place is back on the slider once the fork's timeline shows.
  await expect(slider).toBeFocused();
  await expect(page.getByTestId('probe-rewound')).toHaveCount(0);
  const forked = await boundaryAt(page, 5);
  expect(differing(forked, early), 'rewound view = fresh load').toBeLessThan(0.01);
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByTestId('run-row').first()).toContainText('continued from Run 1 at step 5');

  // The fork was left paused: a reload reopens it at its last checkpoint, as the same run.
  await page.reload();
  await waitForRun(page, { phase: 'paused' });
  await expect(page.getByTestId('phase-message')).toContainText('Reopened the run at step 5');
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('timeline-phone.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
