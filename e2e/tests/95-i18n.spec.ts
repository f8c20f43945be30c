// Languages: the page switches between English and Simplified Chinese, keeps the choice across a
// reload, still trains in Chinese, and a Chinese browser opens the page in Chinese by itself.
// Controls are found by test id here: their names change with the language under test.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../support/test';
import { readCurve, trainAndWait } from '../support/training';
import { typeInto } from '../support/ui';

const train = (page: Page) => page.getByTestId('train-button');
const language = (page: Page) => page.getByTestId('language-select');
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const storedLanguage = (page: Page) =>
  page.evaluate(() => localStorage.getItem('layerlab:language'));

test('switching to 中文 changes the UI, survives a reload, and training still works', async ({
  page,
  pageErrors,
}, testInfo) => {
  await openApp(page);
  await expect(train(page), 'starts in English').toContainText('Train');
  expect(await htmlLang(page), 'html lang is en').toBe('en');

  await language(page).selectOption('zh-CN');
  await expect(train(page), 'the Train button in Chinese').toContainText('训练', {
    timeout: 60_000,
  });
  expect(await htmlLang(page), 'html lang follows').toBe('zh-CN');
  expect(await storedLanguage(page), 'the choice is kept').toBe('zh-CN');
  await expect(page.locator('#settings-title'), 'the settings panel is in Chinese').toHaveText(
    '训练',
  );
  await expect(
    page.getByTestId('dataset-select').locator('option[value="spiral"]'),
    'dataset names come from the manifest',
  ).toHaveText('螺旋');

  // A problem in the design is explained in Chinese too, and follows a switch back.
  const card = page.getByTestId('layer-card').nth(0);
  const units = card.getByTestId('layer-field-units');
  const before = await units.inputValue();
  await typeInto(units, '0');
  const problem = card.getByTestId('layer-problem');
  await expect(problem, 'the layer problem is in Chinese').toHaveText(/^第 1 层/);
  await expect(problem).toContainText('神经元数至少为 1');
  await expect(
    page.getByTestId('train-disabled-reason'),
    'so is the reason Train is off',
  ).toContainText('神经元数至少为 1');
  await language(page).selectOption('en');
  await expect(problem, 'the layer problem back in English').toContainText(
    'Units must be at least 1',
    { timeout: 60_000 },
  );
  await language(page).selectOption('zh-CN');
  await expect(problem, 'the layer problem in Chinese again').toContainText('神经元数', {
    timeout: 60_000,
  });
  await typeInto(units, before);

  await page.reload();
  await expect(train(page), 'still Chinese after a reload').toContainText('训练', {
    timeout: 30_000,
  });
  await expect(language(page), 'the switcher shows the language').toHaveValue('zh-CN');

  // Training works in Chinese, and the numbers tests read stay machine-readable.
  await page.getByTestId('backend-select').selectOption('cpu');
  await typeInto(page.getByTestId('epochs-input'), '3');
  const run = await trainAndWait(page, { phase: 'done' }, { timeout: 120_000 });
  await expect(page.getByTestId('phase'), 'the phase is in Chinese').toHaveText('已完成');
  // The worker's own words too: why this backend runs comes back as a Message.
  await expect(page.getByTestId('backend-reason'), 'the backend reason is in Chinese').toHaveText(
    'CPU：由你选择。',
  );
  expect(run.step, 'steps are counted').toBeGreaterThan(0);
  const loss = await readCurve(page, 'loss');
  expect(loss.points, 'a loss curve').toBeGreaterThan(1);
  expect(Number.isFinite(loss.last), 'a finite loss').toBe(true);
  const total = page.getByTestId('total-params');
  expect(
    Number(((await total.textContent()) ?? '').replace(/,/g, '')),
    'the parameter count reads as a number',
  ).toBe(Number(await total.getAttribute('data-value')));
  await page.screenshot({ path: testInfo.outputPath('i18n-zh-trained.png'), fullPage: true });

  await language(page).selectOption('en');
  await expect(train(page), 'back to English').toContainText('Train', { timeout: 60_000 });
  expect(pageErrors).toEqual([]);
});

test.describe('a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('opens the page in Chinese', async ({ page, pageErrors }) => {
    await openApp(page);
    await expect(train(page), 'the Train button is in Chinese').toContainText('训练');
    expect(await htmlLang(page), 'html lang is zh-CN').toBe('zh-CN');
    await expect(language(page), 'the switcher shows Chinese').toHaveValue('zh-CN');
    expect(
      await storedLanguage(page),
      'a default from the browser is not stored as a choice',
    ).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
