// Accessibility: axe-core finds no serious or critical violation on the main screen, with a run
// finished and every internals view open; training status is announced to screen readers.
import AxeBuilder from '@axe-core/playwright';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';

async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
}

export const tests = {
  async 'axe: no serious violations, before and after training with the views open'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      const before = await seriousViolations(page);
      assert(before.length === 0, `at start: ${before.join('; ')}`);

      await typeInto(page.getByTestId('epochs-input'), '2');
      await page.getByTestId('backend-select').selectOption('cpu');
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'done',
        { what: 'done' },
      );
      for (const summary of await page.locator('[data-testid^="view-"] > summary').all()) {
        await summary.click();
      }
      await page.getByTestId('code-export').locator('summary').click();
      await page.getByTestId('code-block').waitFor();
      const after = await seriousViolations(page);
      assert(after.length === 0, `after training: ${after.join('; ')}`);

      assert(
        (await page.getByTestId('phase').getAttribute('aria-live')) === 'polite',
        'the training status is announced (aria-live)',
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
