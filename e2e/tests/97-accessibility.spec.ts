// Accessibility: axe-core finds no serious or critical violation on the main screen, with a run
// finished and every internals view open; training status is announced to screen readers.
import { seriousViolations } from '../support/axe';
import { expect, openApp, test } from '../support/test';
import { trainAndWait } from '../support/training';
import { controls, typeInto } from '../support/ui';

test('axe: no serious violations, before and after training with the views open', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  expect(await seriousViolations(page), 'at start').toEqual([]);

  await typeInto(controls(page).epochs, '2');
  await controls(page).backend.selectOption('cpu');
  await trainAndWait(page, { phase: 'done' });
  for (const summary of await page.locator('[data-testid^="view-"] > summary').all()) {
    await summary.click();
  }
  await page.getByTestId('code-export').locator('summary').click();
  await expect(page.getByTestId('code-block')).toBeVisible();
  expect(await seriousViolations(page), 'after training').toEqual([]);

  await expect(page.getByTestId('phase'), 'the training status is announced').toHaveAttribute(
    'aria-live',
    'polite',
  );
  expect(pageErrors).toEqual([]);
});
