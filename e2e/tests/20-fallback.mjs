// Without a WebGPU adapter the app falls back, says why, and still trains.
import { join } from 'node:path';
import { launch, openApp } from '../browser.mjs';
import { assert, ui, waitFor } from '../assert.mjs';

export const tests = {
  async 'software WebGPU adapter: auto mode times the backends and picks the fastest'({ url }) {
    const browser = await launch({ webgpu: true });
    try {
      const { page, errors } = await openApp(browser, url);
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'training',
        { what: 'training phase', timeout: 90_000 },
      );
      const reason = await page.getByTestId('backend-reason').textContent();
      assert(
        reason.includes('software adapter') && /Samples\/s: .*WebGPU \d+/.test(reason),
        `reason: ${reason}`,
      );
      const trials = await page.locator('.trials li').allTextContents();
      assert(trials.length === 3, `three candidates tried: ${trials.join(' | ')}`);
      await waitFor(
        () => ui.step(page),
        (s) => s > 0,
        { what: 'steps advance' },
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'no WebGPU adapter: falls back with the reason shown and trains'({ url, artifacts }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'training',
        { what: 'training phase' },
      );
      const backend = await ui.backend(page);
      assert(backend === 'webgl' || backend === 'cpu', `fell back to WebGL or CPU, got ${backend}`);
      const reason = await page.getByTestId('backend-reason').textContent();
      assert(
        /WebGPU/.test(reason) && /adapter|navigator\.gpu/.test(reason),
        `reason given: ${reason}`,
      );
      await waitFor(
        () => ui.chart(page, 'loss'),
        (c) => c.points >= 3,
        { what: 'loss points' },
      );
      const before = await ui.step(page);
      await waitFor(
        () => ui.step(page),
        (s) => s > before,
        { what: 'steps advance' },
      );
      await page.screenshot({ path: join(artifacts, 'fallback.png'), fullPage: true });
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
