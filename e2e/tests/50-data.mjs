// Data: the bundled sets are browsed and trained on (and cached for the next visit); the user's own
// CSV, IDX pair and image folder are uploaded through the UI and trained on; bad uploads are
// refused with a message naming the file, and nothing loaded before is lost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp } from '../browser.mjs';
import { assert, typeInto, ui, waitFor } from '../assert.mjs';
import { barsIdx, circleCsv, gzip, png, shadeImages, writeTree, zip } from '../fixtures.mjs';

async function upload(page, files) {
  await page.getByTestId('upload-panel').locator('summary').click();
  await page.getByTestId('upload-files').setInputFiles(files);
}

async function uploadResult(page) {
  return waitFor(
    async () => {
      if (await page.getByTestId('upload-error').isVisible()) {
        return { error: await page.getByTestId('upload-error').textContent() };
      }
      if (await page.getByTestId('upload-result').isVisible()) {
        return { text: await page.getByTestId('upload-result').textContent() };
      }
      return null;
    },
    (r) => r !== null,
    { what: 'the upload to finish', timeout: 60_000 },
  );
}

/** Trains on the CPU backend until the run is done; returns the last training accuracy shown. */
async function trainToEnd(page, { timeout = 120_000 } = {}) {
  await page.getByTestId('backend-select').selectOption('cpu');
  const disabled = await page.getByTestId('train-button').isDisabled();
  if (disabled) {
    throw new Error(
      `Train is disabled: ${await page.getByTestId('train-disabled-reason').textContent()}`,
    );
  }
  await page.getByTestId('train-button').click();
  await waitFor(
    () => ui.phase(page),
    (p) => p === 'done' || p === 'error',
    {
      what: 'the run to end',
      timeout,
    },
  );
  const phase = await ui.phase(page);
  if (phase === 'error') throw new Error(await page.getByTestId('phase-message').textContent());
  return Number.parseFloat(await page.getByTestId('last-accuracy').textContent());
}

export const tests = {
  async 'bundled data: browse Iris, train the Iris preset; a second visit reads the file from the cache'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, context, errors } = await openApp(browser, url);
      const downloads = [];
      context.on('request', (r) => {
        if (r.url().endsWith('/datasets/iris.csv')) downloads.push(r.url());
      });
      await page.getByTestId('preset-select').selectOption('iris-mlp');
      await page.getByTestId('preset-load').click();
      assert((await page.getByTestId('dataset-select').inputValue()) === 'iris', 'Iris selected');

      await page.getByTestId('dataset-browser').locator('summary').click();
      const rows = page.getByTestId('class-histogram').locator('.histogram-row');
      await rows.first().waitFor();
      const counts = await rows.evaluateAll((els) => els.map((e) => e.dataset.count));
      assert(JSON.stringify(counts) === '["50","50","50"]', `class balance: ${counts}`);
      const table = page.getByTestId('browser-table');
      assert((await table.locator('tbody tr').count()) === 12, 'a page of 12 rows');
      const header = await table.locator('thead').textContent();
      assert(header.includes('petal length (cm)'), `feature names shown: ${header}`);
      // The table shows original centimetres, not standardised values.
      const first = Number(
        await table.locator('tbody tr').first().locator('td').first().textContent(),
      );
      assert(first > 4 && first < 8, `sepal length in cm: ${first}`);
      await page.screenshot({ path: join(artifacts, 'data-iris-browser.png') });
      // What the import did is told in the page's language, and follows a switch.
      const notes = page.getByTestId('dataset-browser').locator('ul.notes');
      const english = await notes.textContent();
      assert(english.includes('3 classes: '), `the notes name the classes: ${english}`);
      await page.getByTestId('language-select').selectOption('zh-CN');
      await waitFor(
        () => notes.textContent(),
        (t) => t.includes('3 个类别：') && t.includes('读取了 150 行'),
        { what: 'the dataset notes in Chinese' },
      );
      await page.getByTestId('language-select').selectOption('en');

      await typeInto(page.getByTestId('epochs-input'), '40');
      const accuracy = await trainToEnd(page);
      assert(accuracy >= 0.8, `Iris trains: accuracy ${accuracy}`);
      // 10 % of the 150 flowers were held out and scored once at the end.
      const test = Number.parseFloat(await page.getByTestId('test-result').textContent());
      assert(test >= 60, `a test accuracy is reported: ${test} %`);
      assert(downloads.length === 1, `downloaded once: ${downloads.length}`);

      await page.reload();
      await page.getByTestId('train-button').waitFor();
      await trainToEnd(page);
      assert(
        downloads.length === 1,
        `the second visit read the cache: ${downloads.length} downloads`,
      );
      assert(errors.length === 0, `no errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'text and sequence data show their tokens and ids; sentiment trains'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page } = await openApp(browser, url);
      await page.getByTestId('preset-select').selectOption('sentiment-embedding');
      await page.getByTestId('preset-load').click();
      await page.getByTestId('dataset-browser').locator('summary').click();
      const sample = page.getByTestId('browser-tokens').locator('li').first();
      await sample.waitFor();
      const text = await sample.locator('.sample-text').textContent();
      const tokens = await sample.locator('.token-text').allTextContents();
      const ids = (await sample.locator('.token-id').allTextContents()).map(Number);
      assert(tokens.length === 32 && ids.length === 32, `32 tokens: ${tokens.length}`);
      const words = tokens.filter((t) => t !== '<pad>');
      assert(words.length > 0, 'the text has words');
      assert(
        text.toLowerCase().includes(words[0].replace('<oov>', '')),
        `tokens come from the text: "${text}" → ${words.join(' ')}`,
      );
      assert(ids.every(Number.isInteger) && ids.includes(0), `ids with padding (0): ${ids}`);

      await typeInto(page.getByTestId('epochs-input'), '4');
      const accuracy = await trainToEnd(page);
      assert(accuracy > 0.6, `the text classifier learns: ${accuracy}`);

      await page.getByTestId('dataset-select').selectOption('copy');
      const seq = page.getByTestId('browser-tokens').locator('li').first();
      await seq.waitFor();
      const input = await seq.locator('.token-text').allTextContents();
      const target = (await seq.locator('.sample-label').textContent()).trim();
      assert(input.join(' ') === target, `copy: ${input.join(' ')} → ${target}`);
    } finally {
      await browser.close();
    }
  },

  async 'a CSV uploaded through the UI is reported, trains, and survives a reload'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await upload(page, { name: 'circle.csv', mimeType: 'text/csv', buffer: circleCsv() });
      const result = await uploadResult(page);
      assert(result.text, `imported: ${JSON.stringify(result)}`);
      assert(result.text.includes('240 samples'), result.text);
      assert(/missing/i.test(result.text), `missing value reported: ${result.text}`);
      const chosen = await page.getByTestId('dataset-select').inputValue();
      assert(chosen.startsWith('user:'), `the upload is selected: ${chosen}`);
      const facts = await page.getByTestId('dataset-facts').textContent();
      assert(facts.includes('input [5]') && facts.includes('2 classes'), facts);
      await page.getByTestId('column-chooser').waitFor();
      await page.screenshot({ path: join(artifacts, 'data-csv-upload.png') });

      await typeInto(page.getByTestId('epochs-input'), '60');
      const accuracy = await trainToEnd(page);
      assert(accuracy > 0.75, `the uploaded table trains: ${accuracy}`);

      await page.reload();
      await page.getByTestId('train-button').waitFor();
      assert((await page.getByTestId('dataset-select').inputValue()) === chosen, 'still selected');
      await typeInto(page.getByTestId('epochs-input'), '2');
      await trainToEnd(page);
      assert(errors.length === 0, `no errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },

  async 'an IDX image + label pair (labels gzipped) uploads and trains'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page } = await openApp(browser, url);
      await page.getByTestId('preset-select').selectOption('mnist-mlp');
      await page.getByTestId('preset-load').click();
      const { images, labels } = barsIdx();
      await upload(page, [
        { name: 'bars-labels-idx1-ubyte.gz', mimeType: 'application/gzip', buffer: gzip(labels) },
        { name: 'bars-images-idx3-ubyte', mimeType: 'application/octet-stream', buffer: images },
      ]);
      const result = await uploadResult(page);
      assert(result.text?.includes('320 samples'), JSON.stringify(result));
      const facts = await page.getByTestId('dataset-facts').textContent();
      assert(facts.includes('input [8, 8, 1]') && facts.includes('2 classes'), facts);
      // The MNIST MLP ends in 10 units: the designer says so, and 2 units fix it.
      const last = page.getByTestId('layer-card').last();
      assert((await page.getByTestId('train-button').isDisabled()) === true, '10 outputs refused');
      await typeInto(last.getByTestId('layer-field-units'), '2');
      await page.getByTestId('dataset-browser').locator('summary').click();
      await page.getByTestId('browser-images').locator('canvas').first().waitFor();
      await typeInto(page.getByTestId('epochs-input'), '8');
      const accuracy = await trainToEnd(page);
      assert(accuracy > 0.9, `bars are told apart: ${accuracy}`);
    } finally {
      await browser.close();
    }
  },

  async 'an image folder is decoded in the browser, resized, and trains'({ url }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page } = await openApp(browser, url);
      await page.getByTestId('preset-select').selectOption('mnist-mlp');
      await page.getByTestId('preset-load').click();
      const dir = mkdtempSync(join(tmpdir(), 'layerlab-images-'));
      writeTree(dir, shadeImages());
      await page.getByTestId('upload-panel').locator('summary').click();
      await page.getByTestId('upload-image-size').selectOption('16');
      await page.getByTestId('upload-folder').setInputFiles(join(dir, 'shades'));
      const result = await uploadResult(page);
      assert(result.text?.includes('80 samples'), JSON.stringify(result));
      const facts = await page.getByTestId('dataset-facts').textContent();
      assert(facts.includes('input [16, 16, 1]') && facts.includes('2 classes'), facts);
      await typeInto(page.getByTestId('layer-card').last().getByTestId('layer-field-units'), '2');
      await typeInto(page.getByTestId('epochs-input'), '10');
      const accuracy = await trainToEnd(page);
      assert(accuracy > 0.9, `light and dark are told apart: ${accuracy}`);
    } finally {
      await browser.close();
    }
  },

  async 'bad uploads name the file and the problem; the data loaded before stays'({
    url,
    artifacts,
  }) {
    const browser = await launch({ webgpu: false });
    try {
      const { page, errors } = await openApp(browser, url);
      await upload(page, { name: 'good.csv', mimeType: 'text/csv', buffer: circleCsv(60) });
      assert((await uploadResult(page)).text, 'the good file imports');
      const before = await page.getByTestId('dataset-select').inputValue();
      const input = page.getByTestId('upload-files');
      const { images, labels } = barsIdx(20);
      const picture = png(4, () => 128);
      const cases = [
        {
          what: 'a CSV with a ragged row',
          files: {
            name: 'ragged.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from('a,b,label\n1,2,x\n3,4\n5,6,y\n'),
          },
          expect: [/ragged\.csv/, /line 3/, /2/],
        },
        {
          what: 'a truncated IDX file',
          files: [
            {
              name: 'short-images-idx3-ubyte',
              mimeType: 'application/octet-stream',
              buffer: images.subarray(0, images.length - 100),
            },
            {
              name: 'short-labels-idx1-ubyte',
              mimeType: 'application/octet-stream',
              buffer: labels,
            },
          ],
          expect: [/short-images-idx3-ubyte/, /truncated|bytes/i],
        },
        {
          what: 'binary junk as a CSV',
          files: {
            name: 'junk.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from([0x50, 0x4b, 0, 1, 2, 0xff, 0xfe, 0, 9]),
          },
          expect: [/junk\.csv/],
        },
        {
          what: 'a non-image in an image folder',
          files: {
            name: 'pets.zip',
            mimeType: 'application/zip',
            buffer: zip({
              'pets/cats/1.png': picture,
              'pets/cats/notes.txt': Buffer.from('hello'),
              'pets/dogs/1.png': picture,
            }),
          },
          expect: [/notes\.txt/, /image/i],
        },
        {
          what: 'an empty class folder',
          files: {
            name: 'pets.zip',
            mimeType: 'application/zip',
            buffer: zip({
              'pets/cats/': null,
              'pets/dogs/1.png': picture,
              'pets/birds/1.png': picture,
            }),
          },
          expect: [/cats/, /empty|no images/i],
        },
      ];
      for (const c of cases) {
        await input.setInputFiles(c.files);
        const result = await uploadResult(page);
        assert(result.error, `${c.what}: refused (${JSON.stringify(result)})`);
        for (const pattern of c.expect) {
          assert(pattern.test(result.error), `${c.what}: "${result.error}" matches ${pattern}`);
        }
        assert(
          (await page.getByTestId('dataset-select').inputValue()) === before,
          `${c.what}: the current dataset is kept`,
        );
      }
      // A 2 GB file: a Blob made of one 1 MB part repeated, so no 2 GB is ever allocated.
      await input.evaluate((element) => {
        const part = new Blob([new Uint8Array(2 ** 20)]);
        const huge = new File(Array(2048).fill(part), 'huge.csv', { type: 'text/csv' });
        const transfer = new DataTransfer();
        transfer.items.add(huge);
        element.files = transfer.files;
        element.dispatchEvent(new Event('change', { bubbles: true }));
      });
      const huge = await uploadResult(page);
      assert(
        huge.error && /huge\.csv/.test(huge.error) && /2(\.0)? GB/.test(huge.error),
        `2 GB refused: ${JSON.stringify(huge)}`,
      );
      await page.screenshot({ path: join(artifacts, 'data-upload-error.png') });
      assert(
        (await page.getByTestId('user-dataset').count()) === 1,
        'only the good upload is listed',
      );
      assert(errors.length === 0, `no page errors: ${errors.join('\n')}`);
    } finally {
      await browser.close();
    }
  },
};
