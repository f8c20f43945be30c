// Keep and share: a share link reproduces the experiment in a fresh browser; a broken link, a bad
// file are explained and change nothing; an exported file loads back.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openApp, recordErrors, test } from '../support/test';
import { controls, layerCards, loadPreset, typeInto } from '../support/ui';

async function design(page: Page) {
  return {
    dataset: await controls(page).dataset.inputValue(),
    epochs: await controls(page).epochs.inputValue(),
    layers: await layerCards(page).count(),
  };
}

test('a share link opens the same experiment in a fresh browser; a broken one changes nothing', async ({
  page,
  context,
  pageErrors,
}) => {
  await openApp(page);
  await loadPreset(page, 'reverse-transformer');
  await typeInto(controls(page).epochs, '7');
  await page.getByTestId('view-attention').locator('summary').click();
  await page.getByRole('button', { name: 'Share link', exact: true }).click();
  const link = await page.getByRole('textbox', { name: /^Link to this experiment/ }).inputValue();
  expect(link, 'a share link').toContain('#x=');
  expect(link.length, 'a short link').toBeLessThan(2000);
  const shared = await design(page);

  // A fresh browser profile: nothing saved, the link is all it has.
  const fresh = await context.browser()!.newContext();
  const second = await fresh.newPage();
  recordErrors(second, pageErrors);
  await openApp(second, link);
  await expect.poll(() => design(second), 'the link applied').toMatchObject({ dataset: 'reverse' });
  expect(await design(second), 'same design').toEqual(shared);
  await expect(
    second.getByTestId('view-attention'),
    'the attention view is open as shared',
  ).toHaveJSProperty('open', true);
  await expect(second.getByTestId('notice'), 'says so').toContainText('Loaded the experiment');
  expect(second.url(), 'the fragment is cleared so a reload keeps later edits').not.toContain(
    '#x=',
  );

  // A broken link in a browser that has work: explained, and the work is untouched.
  await loadPreset(second, 'mnist-cnn');
  const before = await design(second);
  await openApp(second, link.slice(0, link.length - 25));
  const notice = second.getByTestId('notice');
  await expect(notice, 'explained').toContainText('share link is broken');
  await expect(notice, 'explained').toContainText('unchanged');
  expect(await design(second), 'the work is unchanged').toEqual(before);
  expect(pageErrors).toEqual([]);
  await fresh.close();
});

test('an exported experiment file loads back; a bad file is refused with a reason', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await loadPreset(page, 'sentiment-embedding');
  const saved = await design(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text).format, 'an experiment document').toBe('layerlab-experiment');

  await loadPreset(page, 'spiral-mlp');
  const other = await design(page);
  const input = page.getByLabel('Import', { exact: true });
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "layerlab-experiment", "version": 1, "spec": 3}'),
  });
  const notice = page.getByTestId('notice');
  await expect(notice, 'names the file').toContainText('broken.json');
  await expect(notice, 'names the field').toContainText('spec');
  expect(await design(page), 'unchanged by the bad file').toEqual(other);

  await input.setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect.poll(() => design(page), 'the file loaded').toMatchObject({ dataset: 'sentiment' });
  expect(await design(page), 'the exported design is back').toEqual(saved);

  // Recent experiments: the exported one is listed, and choosing it loads it.
  await loadPreset(page, 'iris-mlp');
  const recent = page.getByRole('combobox', { name: 'Open a recent experiment' });
  await recent.focus();
  const options = await recent.locator('option').allTextContents();
  expect(
    options.some((o) => o.includes('sentiment')),
    `listed: ${options.join(' | ')}`,
  ).toBe(true);
  const index = options.findIndex((o) => o.includes('sentiment')) - 1;
  await recent.selectOption(String(index));
  await expect.poll(() => design(page), 'the recent one').toMatchObject({ dataset: 'sentiment' });
  await expect(page.getByTestId('notice'), 'says where from').toContainText('recent');
  expect(pageErrors).toEqual([]);
});
