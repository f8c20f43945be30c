// Tablets and phones: at 390 × 844 the page never scrolls sideways, the header folds behind a
// menu button, the model, Train and the curves come first, and presentation mode can be turned on
// from the page itself.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { trainAndWait } from '../support/training';
import { controls } from '../support/ui';

/** The page is no wider than the screen; a failure names what sticks out. */
async function expectNoSidewaysScrolling(page: Page) {
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
}

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
  await expectNoSidewaysScrolling(page);
  // One column of panels, each as wide as the page's content (none shrunk to its own content).
  const widths = await page.evaluate(() => {
    const layout = document.querySelector('.layout') as HTMLElement;
    const style = getComputedStyle(layout);
    const inner =
      layout.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [...layout.querySelectorAll<HTMLElement>(':scope > .column > *')]
      .filter((panel) => panel.getBoundingClientRect().height > 0)
      .map((panel) => ({
        panel: panel.dataset.area ?? panel.dataset.testid ?? panel.className,
        short: inner - panel.getBoundingClientRect().width,
      }));
  });
  expect(widths.length).toBeGreaterThan(5);
  expect(
    widths.filter((w) => w.short > 1),
    'panels narrower than the page',
  ).toEqual([]);
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

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('at a phone’s width nothing sticks out, and a run is a card, not a row wider than the screen', async ({
    page,
    pageErrors,
  }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    await expect(page.getByTestId('internals')).toBeVisible();
    // The layer-kind picker is as wide as its longest Chinese name unless held to the page.
    await expectNoSidewaysScrolling(page);
    await trainAndWait(page, { phase: 'done' });
    const row = page.getByTestId('run-row').first();
    await row.scrollIntoViewIfNeeded();
    const box = await row.boundingBox();
    expect(box?.x ?? -1, 'the card starts on the screen').toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999), 'the card ends on the screen').toBeLessThanOrEqual(
      390,
    );
    // Each number says what it is, as the hidden column names would.
    await expect(row.getByTestId('run-steps')).toHaveAttribute('data-label', '步数');
    await page.screenshot({ path: testInfo.outputPath('phone-zh-runs.png') });
    expect(pageErrors).toEqual([]);
  });
});
