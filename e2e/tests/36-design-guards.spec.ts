// The designer never goes blank and never takes in what a tab cannot train: a Keras text model
// brought in while another dataset is chosen keeps Keras's parameter count and names the mismatch
// on its layer with a one-click fix; a model too large to train is refused with its memory
// estimate; a teacher's lock=designer refuses an import.
import type { Page } from '@playwright/test';
import { converterFile, k2Dense, k2Input, k2Layer } from '../../src/models/import/testing/fixtures';
import { expect, openApp, test } from '../support/test';
import { controls, layerCards } from '../support/ui';

/** A Keras text classifier: Embedding(vocabulary × 16) → GlobalAveragePooling1D → Dense(1). */
function kerasTextModel(vocabulary: number, size = 16) {
  const model = converterFile({
    class_name: 'Sequential',
    config: {
      name: 'text_classifier',
      layers: [
        k2Input('embedding_input', [null, 32]),
        k2Layer('Embedding', 'embedding', {
          input_dim: vocabulary,
          output_dim: size,
          embeddings_initializer: { class_name: 'RandomUniform', config: {} },
          embeddings_regularizer: null,
          mask_zero: false,
        }),
        k2Layer('GlobalAveragePooling1D', 'pool', {
          data_format: 'channels_last',
          keepdims: false,
        }),
        k2Dense('out', 1, 'sigmoid'),
      ],
    },
  });
  return {
    name: 'text_classifier.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(model)),
  };
}

async function importModel(page: Page, file: ReturnType<typeof kerasTextModel>): Promise<void> {
  await page.getByLabel('Upload…', { exact: true }).setInputFiles([file]);
}

test('a Keras text model on a dataset with a larger vocabulary keeps Keras’s count and offers the fix', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await controls(page).dataset.selectOption('sentiment');
  await importModel(page, kerasTextModel(50));
  const cards = layerCards(page);
  await expect(cards, 'the imported layers').toHaveCount(3, { timeout: 60_000 });
  // Keras's summary of this model: 50 × 16 + (16 + 1) = 817 parameters.
  await expect(page.getByTestId('total-params')).toHaveText('817');
  const problem = cards.first().getByTestId('layer-problem');
  await expect(problem, 'the mismatch, on the layer it concerns').toContainText(
    'Embedding has 50 rows',
  );
  // The layers past it keep their shapes.
  await expect(cards.nth(1).getByTestId('layer-shape')).toHaveText('[16]');
  await expect(cards.nth(2).getByTestId('layer-shape')).toHaveText('[1]');
  const fix = cards.first().getByTestId('layer-fix');
  const label = (await fix.textContent()) ?? '';
  const vocabulary = Number(label.replace(/\D/g, ''));
  expect(label, 'the fix names the dataset vocabulary').toMatch(/^Set the vocabulary to \d+$/);
  await fix.click();
  await expect(problem, 'fixed in one click').toHaveCount(0);
  await expect(page.getByTestId('total-params')).toHaveText(
    (vocabulary * 16 + 17).toLocaleString('en'),
  );
  // One sigmoid output wants binary cross-entropy; then the imported model trains.
  await controls(page).loss.selectOption('binaryCrossentropy');
  await expect(controls(page).train).toBeEnabled();
  expect(pageErrors).toEqual([]);
});

test('a model too large for a browser tab is refused before training, with its memory estimate', async ({
  page,
  pageErrors,
}) => {
  await openApp(page);
  await controls(page).dataset.selectOption('sentiment');
  // 100,000 × 1,024 embeddings: 102 million weights, about 1.5 GB to train with Adam.
  await importModel(page, kerasTextModel(100_000, 1024));
  await expect(layerCards(page)).toHaveCount(3, { timeout: 60_000 });
  const reason = page.getByTestId('train-disabled-reason');
  await expect(reason).toContainText(/Training this model needs about 1\.\d GB/);
  await expect(reason).toContainText('A browser tab can spare about 1 GB');
  await expect(controls(page).train).toBeDisabled();
  await expect(page.getByTestId('training-memory')).toContainText('GB');
  expect(pageErrors).toEqual([]);
});

test('lock=designer refuses an imported model and says why', async ({ page, pageErrors }) => {
  await openApp(page, './?preset=mnist-mlp&lock=designer');
  const cards = layerCards(page);
  await expect(cards).toHaveCount(4, { timeout: 60_000 });
  await importModel(page, kerasTextModel(50));
  await expect(page.getByTestId('notice')).toContainText(
    "The teacher's link locks the designer, so this change was not made.",
    { timeout: 60_000 },
  );
  await expect(cards, 'the design is as the teacher set it').toHaveCount(4);
  await expect(cards.first()).toHaveAttribute('data-kind', 'flatten');
  expect(pageErrors).toEqual([]);
});
