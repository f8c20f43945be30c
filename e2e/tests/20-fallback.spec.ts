// Without a WebGPU adapter the app falls back, says why, and still trains.
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { controls, typeInto } from '../support/ui';

test(
  'software WebGPU adapter: auto starts the spiral on the CPU side at once, times the GPUs in the background, and the next Train uses every number',
  { tag: '@webgpu' },
  async ({ page, pageErrors }) => {
    await openApp(page);
    await typeInto(controls(page).epochs, '500');
    await trainAndWait(page, { phase: 'training' }, { timeout: 90_000 });
    const reason = page.getByTestId('backend-reason');
    await expect(reason).toContainText('so training started at once');
    await expect(reason).toContainText('software adapter');
    // Only WASM and the CPU were timed before training.
    await expect(page.locator('.trials li')).toHaveCount(2);
    // The GPUs, timed in another worker while the spiral trains.
    const later = page.getByTestId('backend-background');
    await expect(later).toContainText(/Samples\/s: WebGPU \d+, WebGL \d+, WASM \d+, CPU \d+/, {
      timeout: 120_000,
    });
    const winner = await later.getAttribute('data-backend');
    await page.getByTestId('stop-button').click();
    await waitForRun(page, { phase: 'done' });
    await trainAndWait(page, { phase: 'training' }, { timeout: 90_000 });
    await expect(reason).toContainText('the fastest for this model when measured on this machine');
    await expect(page.getByTestId('backend-name')).toHaveAttribute('data-backend', winner!);
    await expect(page.locator('.trials li')).toHaveCount(4);
    await waitForRun(page, (run) => run.step > 0);
    expect(pageErrors).toEqual([]);
  },
);

test('no WebGPU adapter: falls back with the reason shown and trains', async ({
  page,
  pageErrors,
}, testInfo) => {
  await openApp(page);
  // Long enough to be still training when checked (the CPU runs the spiral in seconds).
  await typeInto(controls(page).epochs, '500');
  const { backend } = await trainAndWait(page, { phase: 'training' });
  expect(['webgl', 'wasm', 'cpu'], `fell back to WebGL, WASM or CPU, got ${backend}`).toContain(
    backend,
  );
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText('WebGPU');
  await expect(reason).toContainText(/adapter|navigator\.gpu/);
  const before = (await waitForRun(page, ({ loss }) => loss.points >= 3)).step;
  await waitForRun(page, (run) => run.step > before);
  await page.screenshot({ path: testInfo.outputPath('fallback.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('auto measures once per model on this machine, remembers it, and measures again on request', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await typeInto(controls(page).epochs, '500');
  await trainAndWait(page, { phase: 'training' });
  const status = page.getByTestId('backend');
  const reason = page.getByTestId('backend-reason');
  // The spiral is small: training starts on the CPU side, and the GPUs are timed in the background.
  await expect(reason).toContainText('so training started at once');
  const quickAt = await status.getAttribute('data-measured-at');
  expect(Number(quickAt)).toBeGreaterThan(0);
  const later = page.getByTestId('backend-background');
  await expect(later).toContainText('Timed in the background for your next Train', {
    timeout: 120_000,
  });
  const measuredAt = await later.getAttribute('data-measured-at');
  expect(Number(measuredAt)).toBeGreaterThan(Number(quickAt));

  // A later visit: the complete measurement is reused (after one proving step), not repeated.
  // The reload cut the run short, so the page first reopens it, paused; Train is pressed after
  // (pressed while the reopen disables it, the click would be lost).
  await page.reload();
  await waitForRun(page, { phase: 'paused' }, { timeout: 90_000 });
  await trainAndWait(page, { phase: 'training' });
  await expect(reason).toContainText('when last measured on this machine');
  await expect(status).toHaveAttribute('data-measured-at', measuredAt!);

  // "Measure again": the next Train times the backends afresh.
  await status.locator('summary').click();
  await page.getByRole('button', { name: /^Forget the measured speeds/ }).click();
  await expect(status).toContainText('The next Train times every backend again.');
  await page.getByTestId('stop-button').click();
  await waitForRun(page, { phase: 'done' });
  await trainAndWait(page, { phase: 'training' });
  await expect(reason).toContainText('so training started at once');
  await expect(status).not.toHaveAttribute('data-measured-at', measuredAt!);
  expect(pageErrors).toEqual([]);
});
