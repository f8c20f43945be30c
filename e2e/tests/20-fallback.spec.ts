// Without a WebGPU adapter the app falls back, says why, and still trains.
import { expect, openApp, test } from '../support/test';
import { trainAndWait, waitForRun } from '../support/training';

test(
  'software WebGPU adapter: auto mode times the backends and picks the fastest',
  { tag: '@webgpu' },
  async ({ page, pageErrors }) => {
    await openApp(page);
    await trainAndWait(page, { phase: 'training' }, { timeout: 90_000 });
    await expect(page.getByTestId('backend-reason')).toContainText('software adapter');
    await expect(page.getByTestId('backend-reason')).toContainText(/Samples\/s: .*WebGPU \d+/);
    // The three candidates probed.
    await expect(page.locator('.trials li')).toHaveCount(3);
    await waitForRun(page, (run) => run.step > 0);
    expect(pageErrors).toEqual([]);
  },
);

test('no WebGPU adapter: falls back with the reason shown and trains', async ({
  page,
  pageErrors,
}, testInfo) => {
  await openApp(page);
  const { backend } = await trainAndWait(page, { phase: 'training' });
  expect(['webgl', 'cpu'], `fell back to WebGL or CPU, got ${backend}`).toContain(backend);
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText('WebGPU');
  await expect(reason).toContainText(/adapter|navigator\.gpu/);
  const before = (await waitForRun(page, ({ loss }) => loss.points >= 3)).step;
  await waitForRun(page, (run) => run.step > before);
  await page.screenshot({ path: testInfo.outputPath('fallback.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
