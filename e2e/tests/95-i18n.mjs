// Languages: the page switches between English and Simplified Chinese, keeps the choice across a
// reload, still trains in Chinese, and a Chinese browser opens the page in Chinese by itself.
import { join } from 'node:path';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';

const trainText = (page) => page.getByTestId('train-button').textContent();
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

export const tests = {
  async 'switching to 中文 changes the UI, survives a reload, and training still works'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      assert((await trainText(page)).includes('Train'), 'starts in English');
      assert((await htmlLang(page)) === 'en', 'html lang is en');

      await page.getByTestId('language-select').selectOption('zh-CN');
      await waitFor(
        () => trainText(page),
        (t) => t.includes('训练'),
        { what: 'the Train button in Chinese' },
      );
      assert((await htmlLang(page)) === 'zh-CN', 'html lang follows');
      assert(
        (await page.evaluate(() => localStorage.getItem('layerlab:language'))) === 'zh-CN',
        'the choice is kept',
      );
      const panel = await page.locator('#settings-title').textContent();
      assert(panel === '训练', `the settings panel is in Chinese: ${panel}`);
      const datasetName = await page
        .getByTestId('dataset-select')
        .locator('option[value="spiral"]')
        .textContent();
      assert(datasetName === '螺旋', `dataset names come from the manifest: ${datasetName}`);

      // A problem in the design is explained in Chinese too, and follows a switch back.
      const units = page.getByTestId('layer-card').nth(0).getByTestId('layer-field-units');
      const before = await units.inputValue();
      await typeInto(units, '0');
      const problem = page.getByTestId('layer-card').nth(0).getByTestId('layer-problem');
      const chineseProblem = await problem.textContent();
      assert(
        chineseProblem.startsWith('第 1 层') && chineseProblem.includes('单元数至少为 1'),
        `the layer problem is in Chinese: ${chineseProblem}`,
      );
      const reason = await page.getByTestId('train-disabled-reason').textContent();
      assert(reason.includes('单元数至少为 1'), `so is the reason Train is off: ${reason}`);
      await page.getByTestId('language-select').selectOption('en');
      await waitFor(
        () => problem.textContent(),
        (t) => t.includes('Units must be at least 1'),
        { what: 'the layer problem back in English' },
      );
      await page.getByTestId('language-select').selectOption('zh-CN');
      await waitFor(
        () => problem.textContent(),
        (t) => t.includes('单元数'),
        { what: 'the layer problem in Chinese again' },
      );
      await typeInto(units, before);

      await page.reload();
      await page.getByTestId('train-button').waitFor();
      assert((await trainText(page)).includes('训练'), 'still Chinese after a reload');
      assert(
        (await page.getByTestId('language-select').inputValue()) === 'zh-CN',
        'the switcher shows the language',
      );

      // Training works in Chinese, and the numbers tests read stay machine-readable.
      await page.getByTestId('backend-select').selectOption('cpu');
      await typeInto(page.getByTestId('epochs-input'), '3');
      await page.getByTestId('train-button').click();
      await waitFor(
        () => ui.phase(page),
        (p) => p === 'done',
        { what: 'the run to finish', timeout: 120_000 },
      );
      const phase = await page.getByTestId('phase').textContent();
      assert(phase === '已完成', `the phase is in Chinese: ${phase}`);
      // The worker's own words too: why this backend runs comes back as a Message.
      const backendReason = await page.getByTestId('backend-reason').textContent();
      assert(
        backendReason === 'CPU：由你选择。',
        `the backend reason is in Chinese: ${backendReason}`,
      );
      assert((await ui.step(page)) > 0, 'steps are counted');
      const chart = await ui.chart(page, 'loss');
      assert(chart.points > 1 && Number.isFinite(chart.last), `a loss curve: ${chart.points}`);
      const total = page.getByTestId('total-params');
      assert(
        Number((await total.textContent()).replace(/,/g, '')) ===
          Number(await total.getAttribute('data-value')),
        'the parameter count reads as a number',
      );
      await page.screenshot({ path: join(artifacts, 'i18n-zh-trained.png'), fullPage: true });

      await page.getByTestId('language-select').selectOption('en');
      await waitFor(
        () => trainText(page),
        (t) => t.includes('Train'),
        { what: 'back to English' },
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'a browser set to Chinese opens the page in Chinese'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 1400, height: 1000 },
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.getByTestId('train-button').waitFor();
      assert((await trainText(page)).includes('训练'), 'the Train button is in Chinese');
      assert((await htmlLang(page)) === 'zh-CN', 'html lang is zh-CN');
      assert(
        (await page.getByTestId('language-select').inputValue()) === 'zh-CN',
        'the switcher shows Chinese',
      );
      assert(
        (await page.evaluate(() => localStorage.getItem('layerlab:language'))) === null,
        'a default from the browser is not stored as a choice',
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
