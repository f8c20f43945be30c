// Tablets and phones: at 390 × 844 the page never scrolls sideways, the header folds behind a
// menu button, the model, Train and the curves come first, and presentation mode can be turned on
// from the page itself.
import { expect, openApp, test } from '../support/test';
import { controls } from '../support/ui';

test('at a phone’s width: no sideways scrolling; the model, Train and the curves come first', async ({
  page,
  pageErrors,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  // The header folds its tools behind a menu button, which opens and closes them.
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('present-toggle')).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('present-toggle')).toBeVisible();
  // Let the panels that load after the first paint arrive before measuring (menu open: the
  // widest the header gets).
  await expect(page.getByTestId('experiment-menu')).toBeVisible();
  await expect(page.getByTestId('internals')).toBeVisible();
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
  expect(overflow.page, `wider than the screen: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(
    overflow.view,
  );
  const top = async (selector: string) =>
    (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN;
  const designer = await top('[data-area="designer"]');
  const train = await top('[data-testid="train-button"]');
  const curves = await top('[data-area="charts"]');
  const settings = await top('[data-area="settings"]');
  const lessons = await top('[data-testid="lessons"]');
  expect(designer, 'the model first').toBeLessThan(train);
  expect(train, 'then Train').toBeLessThan(curves);
  expect(curves, 'then the curves, before the settings').toBeLessThan(settings);
  expect(settings, 'lessons fold in at the end').toBeLessThan(lessons);
  await page.screenshot({ path: testInfo.outputPath('phone-menu.png') });
  await menu.click();
  await expect(page.getByTestId('present-toggle')).toBeHidden();
  await controls(page).train.scrollIntoViewIfNeeded();
  await expect(controls(page).train, 'Train is reachable').toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('phone-train.png') });
  await page.screenshot({ path: testInfo.outputPath('phone.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('presentation mode is a button in the header, not only a link', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  const app = page.locator('.app');
  const toggle = page.getByTestId('present-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(app).toHaveAttribute('data-presentation', 'true');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(app).not.toHaveAttribute('data-presentation');
  expect(pageErrors).toEqual([]);
});
