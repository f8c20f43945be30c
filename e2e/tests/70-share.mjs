// Keep and share: a share link reproduces the experiment in a fresh browser; a broken link, a bad
// file are explained and change nothing; an exported file loads back.
import { readFileSync } from 'node:fs';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, waitFor } from '../assert.mjs';

async function design(page) {
  return {
    dataset: await page.getByTestId('dataset-select').inputValue(),
    epochs: await page.getByTestId('epochs-input').inputValue(),
    layers: await page.getByTestId('layer-card').count(),
  };
}

export const tests = {
  async 'a share link opens the same experiment in a fresh browser; a broken one changes nothing'({
    url,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const first = await openApp(browser, url);
      await first.page.getByTestId('preset-select').selectOption('reverse-transformer');
      await first.page.getByTestId('preset-load').click();
      await typeInto(first.page.getByTestId('epochs-input'), '7');
      await first.page.getByTestId('view-attention').locator('summary').click();
      await first.page.getByTestId('share-button').click();
      const link = await first.page.getByTestId('share-link').inputValue();
      assert(link.includes('#x=') && link.length < 2000, `a short link: ${link.length} chars`);
      const shared = await design(first.page);

      // A fresh browser profile: nothing saved, the link is all it has.
      const second = await openApp(browser, link);
      await waitFor(
        () => design(second.page),
        (d) => d.dataset === 'reverse',
        { what: 'the link applied' },
      );
      const loaded = await design(second.page);
      assert(
        JSON.stringify(loaded) === JSON.stringify(shared),
        `same design: ${JSON.stringify(loaded)}`,
      );
      assert(
        await second.page.getByTestId('view-attention').evaluate((e) => e.open),
        'the attention view is open as shared',
      );
      assert(
        (await second.page.getByTestId('notice').textContent()).includes('Loaded the experiment'),
        'says so',
      );
      assert(
        !second.page.url().includes('#x='),
        'the fragment is cleared so a reload keeps later edits',
      );

      // A broken link in a browser that has work: explained, and the work is untouched.
      await second.page.getByTestId('preset-select').selectOption('mnist-cnn');
      await second.page.getByTestId('preset-load').click();
      const before = await design(second.page);
      await second.page.goto(link.slice(0, link.length - 25));
      await second.page.getByTestId('train-button').waitFor();
      const notice = await second.page.getByTestId('notice').textContent();
      assert(
        /share link is broken/.test(notice) && /unchanged/.test(notice),
        `explained: ${notice}`,
      );
      assert(
        JSON.stringify(await design(second.page)) === JSON.stringify(before),
        'the work is unchanged',
      );
      assert(first.errors.length + second.errors.length === 0, 'no page errors');
    } finally {
      await browser.close();
    }
  },

  async 'an exported experiment file loads back; a bad file is refused with a reason'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await page.getByTestId('preset-select').selectOption('sentiment-embedding');
      await page.getByTestId('preset-load').click();
      const saved = await design(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-button').click(),
      ]);
      const text = readFileSync(await download.path(), 'utf8');
      assert(JSON.parse(text).format === 'layerlab-experiment', 'an experiment document');

      await page.getByTestId('preset-select').selectOption('spiral-mlp');
      await page.getByTestId('preset-load').click();
      const other = await design(page);
      const input = page.getByTestId('import-input');
      await input.setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format": "layerlab-experiment", "version": 1, "spec": 3}'),
      });
      const notice = await page.getByTestId('notice').textContent();
      assert(
        /broken\.json/.test(notice) && /spec/.test(notice),
        `names the file and field: ${notice}`,
      );
      assert(
        JSON.stringify(await design(page)) === JSON.stringify(other),
        'unchanged by the bad file',
      );

      await input.setInputFiles({
        name: 'mine.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await waitFor(
        () => design(page),
        (d) => d.dataset === 'sentiment',
        { what: 'the file loaded' },
      );
      assert(
        JSON.stringify(await design(page)) === JSON.stringify(saved),
        'the exported design is back',
      );

      // Recent experiments: the exported one is listed, and choosing it loads it.
      await page.getByTestId('preset-select').selectOption('iris-mlp');
      await page.getByTestId('preset-load').click();
      const recent = page.getByTestId('recent-select');
      await recent.focus();
      const options = await recent.locator('option').allTextContents();
      assert(
        options.some((o) => o.includes('sentiment')),
        `listed: ${options.join(' | ')}`,
      );
      const index = options.findIndex((o) => o.includes('sentiment')) - 1;
      await recent.selectOption(String(index));
      await waitFor(
        () => design(page),
        (d) => d.dataset === 'sentiment',
        { what: 'the recent one' },
      );
      assert(
        (await page.getByTestId('notice').textContent()).includes('recent'),
        'says where from',
      );
      assert(errors.length === 0, `no errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
