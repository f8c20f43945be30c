// Data: the bundled sets are browsed and trained on (and cached for the next visit); the user's own
// CSV, IDX pair and image folder are uploaded through the UI and trained on; bad uploads are
// refused with a message naming the file, and nothing loaded before is lost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { barsIdx, circleCsv, gzip, png, shadeImages, writeTree, zip } from '../support/sampleFiles';
import { expect, openApp, test } from '../support/test';
import { trainAndWait } from '../support/training';
import {
  controls,
  layerCards,
  layerControls,
  loadPreset,
  openSection,
  typeInto,
} from '../support/ui';

type Files = Parameters<Page['setInputFiles']>[1];

const uploadPanel = (page: Page) => page.getByTestId('upload-panel');
const datasetBrowser = (page: Page) => page.getByTestId('dataset-browser');

async function upload(page: Page, files: Files) {
  await openSection(uploadPanel(page));
  await page.getByTestId('upload-files').setInputFiles(files);
}

/** Waits for the upload to finish; returns its report or its error. */
async function uploadResult(page: Page): Promise<{ text?: string; error?: string }> {
  const error = page.getByTestId('upload-error');
  const result = page.getByTestId('upload-result');
  await expect(error.or(result), 'the upload to finish').toBeVisible({ timeout: 60_000 });
  if (await error.isVisible()) return { error: (await error.textContent()) ?? '' };
  return { text: (await result.textContent()) ?? '' };
}

/** Trains on the CPU backend until the run is done; returns the last training accuracy shown. */
async function trainToEnd(page: Page, { timeout = 120_000 } = {}): Promise<number> {
  await controls(page).backend.selectOption('cpu');
  await expect(controls(page).train, 'Train is enabled').toBeEnabled();
  await trainAndWait(page, { phase: 'done' }, { timeout });
  return Number.parseFloat((await page.getByTestId('last-accuracy').textContent()) ?? '');
}

test('bundled data: browse Iris, train the Iris preset; a second visit reads the file from the cache', async ({
  page,
  context,
  pageErrors,
}, testInfo) => {
  await openApp(page);
  const ui = controls(page);
  const downloads: string[] = [];
  context.on('request', (r) => {
    if (r.url().endsWith('/datasets/iris.csv')) downloads.push(r.url());
  });
  await loadPreset(page, 'iris-mlp');
  await expect(ui.dataset, 'Iris selected').toHaveValue('iris');

  await openSection(datasetBrowser(page));
  const rows = page.getByTestId('class-histogram').locator('.histogram-row');
  await expect(rows, 'class balance').toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-count', '50');
  const table = page.getByTestId('browser-table');
  await expect(table.locator('tbody tr'), 'a page of 12 rows').toHaveCount(12);
  await expect(table.locator('thead'), 'feature names shown').toContainText('petal length (cm)');
  // The table shows original centimetres, not standardised values.
  const first = Number(await table.locator('tbody tr').first().locator('td').first().textContent());
  expect(first, 'sepal length in cm').toBeGreaterThan(4);
  expect(first, 'sepal length in cm').toBeLessThan(8);
  await page.screenshot({ path: testInfo.outputPath('data-iris-browser.png') });
  // What the import did is told in the page's language, and follows a switch.
  const notes = datasetBrowser(page).locator('ul.notes');
  await expect(notes, 'the notes name the classes').toContainText('3 classes: ');
  await ui.language.selectOption('zh-CN');
  await expect(notes, 'the dataset notes in Chinese').toContainText('3 个类别：', {
    timeout: 60_000,
  });
  await expect(notes).toContainText('读取了 150 行');
  await expect(notes, 'the classes by their Chinese names').toContainText('山鸢尾（50）');
  await expect(rows.first(), 'the class balance in Chinese too').toContainText('山鸢尾');
  await expect(table.locator('thead'), 'the columns in Chinese').toContainText('花瓣长度（厘米）');
  // By test id: in Chinese the switcher's name is Chinese too.
  await page.getByTestId('language-select').selectOption('en');

  await typeInto(ui.epochs, '40');
  const accuracy = await trainToEnd(page);
  expect(accuracy, 'Iris trains').toBeGreaterThanOrEqual(0.8);
  // 10 % of the 150 flowers were held out and scored once at the end.
  const testAccuracy = Number.parseFloat(
    (await page.getByTestId('test-result').textContent()) ?? '',
  );
  expect(testAccuracy, 'a test accuracy is reported (%)').toBeGreaterThanOrEqual(60);
  expect(downloads, 'downloaded once').toHaveLength(1);

  await page.reload();
  await expect(ui.train).toBeVisible();
  await trainToEnd(page);
  expect(downloads, 'the second visit read the cache').toHaveLength(1);
  expect(pageErrors).toEqual([]);
});

test('text and sequence data show their tokens and ids; sentiment trains', async ({ page }) => {
  await openApp(page);
  await loadPreset(page, 'sentiment-embedding');
  await openSection(datasetBrowser(page));
  const sample = page.getByTestId('browser-tokens').locator('li').first();
  await expect(sample.locator('.token-text'), '32 tokens').toHaveCount(32);
  const text = (await sample.locator('.sample-text').textContent()) ?? '';
  const tokens = await sample.locator('.token-text').allTextContents();
  const ids = (await sample.locator('.token-id').allTextContents()).map(Number);
  expect(ids, '32 ids').toHaveLength(32);
  const words = tokens.filter((t) => t !== '<pad>');
  expect(words.length, 'the text has words').toBeGreaterThan(0);
  expect(text.toLowerCase(), 'tokens come from the text').toContain(words[0]!.replace('<oov>', ''));
  expect(ids.every(Number.isInteger), `integer ids: ${ids}`).toBe(true);
  expect(ids, 'ids with padding (0)').toContain(0);

  await typeInto(controls(page).epochs, '4');
  const accuracy = await trainToEnd(page);
  expect(accuracy, 'the text classifier learns').toBeGreaterThan(0.6);

  await controls(page).dataset.selectOption('copy');
  const seq = page.getByTestId('browser-tokens').locator('li').first();
  await expect(seq.locator('.sample-label')).toBeVisible();
  const input = await seq.locator('.token-text').allTextContents();
  await expect(seq.locator('.sample-label'), 'copy: the target is the input').toHaveText(
    input.join(' '),
  );
});

test('a CSV uploaded through the UI is reported, trains, and survives a reload', async ({
  page,
  pageErrors,
}, testInfo) => {
  await openApp(page);
  const ui = controls(page);
  await upload(page, { name: 'circle.csv', mimeType: 'text/csv', buffer: circleCsv() });
  const result = await uploadResult(page);
  expect(result.error, 'imported').toBeUndefined();
  expect(result.text).toContain('240 samples');
  expect(result.text, 'missing value reported').toMatch(/missing/i);
  const chosen = await ui.dataset.inputValue();
  expect(chosen, 'the upload is selected').toMatch(/^user:/);
  const facts = page.getByTestId('dataset-facts');
  await expect(facts).toContainText('input [5]');
  await expect(facts).toContainText('2 classes');
  await expect(page.getByTestId('column-chooser')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('data-csv-upload.png') });

  await typeInto(ui.epochs, '60');
  const accuracy = await trainToEnd(page);
  expect(accuracy, 'the uploaded table trains').toBeGreaterThan(0.75);

  await page.reload();
  await expect(ui.train).toBeVisible();
  await expect(ui.dataset, 'still selected').toHaveValue(chosen);
  await typeInto(ui.epochs, '2');
  await trainToEnd(page);
  expect(pageErrors).toEqual([]);
});

test('an IDX image + label pair (labels gzipped) uploads and trains', async ({ page }) => {
  await openApp(page);
  await loadPreset(page, 'mnist-mlp');
  const { images, labels } = barsIdx();
  await upload(page, [
    { name: 'bars-labels-idx1-ubyte.gz', mimeType: 'application/gzip', buffer: gzip(labels) },
    { name: 'bars-images-idx3-ubyte', mimeType: 'application/octet-stream', buffer: images },
  ]);
  expect((await uploadResult(page)).text).toContain('320 samples');
  const facts = page.getByTestId('dataset-facts');
  await expect(facts).toContainText('input [8, 8, 1]');
  await expect(facts).toContainText('2 classes');
  // The MNIST MLP ends in 10 units: the designer says so, and 2 units fix it.
  await expect(controls(page).train, '10 outputs refused').toBeDisabled();
  await typeInto(layerControls(layerCards(page).last()).units, '2');
  await openSection(datasetBrowser(page));
  await expect(page.getByTestId('browser-images').locator('canvas').first()).toBeVisible();
  await typeInto(controls(page).epochs, '8');
  const accuracy = await trainToEnd(page);
  expect(accuracy, 'bars are told apart').toBeGreaterThan(0.9);
});

test('an image folder is decoded in the browser, resized, and trains', async ({ page }) => {
  await openApp(page);
  await loadPreset(page, 'mnist-mlp');
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-images-'));
  writeTree(dir, shadeImages());
  await openSection(uploadPanel(page));
  await page.getByRole('combobox', { name: 'Image size', exact: true }).selectOption('16');
  await page.getByTestId('upload-folder').setInputFiles(join(dir, 'shades'));
  expect((await uploadResult(page)).text).toContain('80 samples');
  const facts = page.getByTestId('dataset-facts');
  await expect(facts).toContainText('input [16, 16, 1]');
  await expect(facts).toContainText('2 classes');
  await typeInto(layerControls(layerCards(page).last()).units, '2');
  await typeInto(controls(page).epochs, '10');
  const accuracy = await trainToEnd(page);
  expect(accuracy, 'light and dark are told apart').toBeGreaterThan(0.9);
});

test('bad uploads name the file and the problem; the data loaded before stays', async ({
  page,
  pageErrors,
}, testInfo) => {
  await openApp(page);
  await upload(page, { name: 'good.csv', mimeType: 'text/csv', buffer: circleCsv(60) });
  expect((await uploadResult(page)).text, 'the good file imports').toBeTruthy();
  const before = await controls(page).dataset.inputValue();
  const input = page.getByTestId('upload-files');
  const { images, labels } = barsIdx(20);
  const picture = png(4, () => 128);
  const cases: { what: string; files: Files; expect: RegExp[] }[] = [
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
        { name: 'short-labels-idx1-ubyte', mimeType: 'application/octet-stream', buffer: labels },
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
    expect(result.error, `${c.what}: refused`).toBeDefined();
    for (const pattern of c.expect) expect(result.error, c.what).toMatch(pattern);
    await expect(controls(page).dataset, `${c.what}: the current dataset is kept`).toHaveValue(
      before,
    );
  }
  // A 2 GB file: a Blob made of one 1 MB part repeated, so no 2 GB is ever allocated.
  await input.evaluate((element: HTMLInputElement) => {
    const part = new Blob([new Uint8Array(2 ** 20)]);
    const huge = new File(Array<Blob>(2048).fill(part), 'huge.csv', { type: 'text/csv' });
    const transfer = new DataTransfer();
    transfer.items.add(huge);
    element.files = transfer.files;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const huge = await uploadResult(page);
  expect(huge.error, '2 GB refused').toMatch(/huge\.csv/);
  expect(huge.error, '2 GB refused').toMatch(/2(\.0)? GB/);
  await page.screenshot({ path: testInfo.outputPath('data-upload-error.png') });
  await expect(page.getByTestId('user-dataset'), 'only the good upload is listed').toHaveCount(1);
  expect(pageErrors).toEqual([]);
});
