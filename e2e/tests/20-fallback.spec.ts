// Without a WebGPU adapter the app falls back, says why, and still trains.
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';
import { controls, typeInto } from '../support/ui';

test(
  'software WebGPU adapter: auto mode times the backends and picks the fastest',
  { tag: '@webgpu' },
  async ({ page, pageErrors }) => {
    await openApp(page);
    await trainAndWait(page, { phase: 'training' }, { timeout: 90_000 });
    await expect(page.getByTestId('backend-reason')).toContainText('software adapter');
    await expect(page.getByTestId('backend-reason')).toContainText(/Samples\/s: .*WebGPU \d+/);
    // The four candidates probed.
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
  await expect(reason).toContainText('the fastest for this model when measured on this machine');
  const measuredAt = await status.getAttribute('data-measured-at');
  expect(Number(measuredAt)).toBeGreaterThan(0);

  // A later visit: the measurement is reused (after one proving step), not repeated.
  await page.reload();
  await trainAndWait(page, { phase: 'training' });
  await expect(reason).toContainText('when last measured on this machine');
  await expect(status).toHaveAttribute('data-measured-at', measuredAt!);

  // "Measure again": the next Train times every backend afresh.
  await status.locator('summary').click();
  await page.getByRole('button', { name: /^Forget the measured speeds/ }).click();
  await expect(status).toContainText('The next Train times every backend again.');
  await page.getByTestId('stop-button').click();
  await waitForRun(page, { phase: 'done' });
  await trainAndWait(page, { phase: 'training' });
  await expect(reason).toContainText('when measured on this machine');
  await expect(status).not.toHaveAttribute('data-measured-at', measuredAt!);
  expect(pageErrors).toEqual([]);
});
