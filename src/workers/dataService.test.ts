import { describe, expect, it } from 'vitest';
import { builtinInfo, defaultChoiceFor, manifestEntry } from '../data/datasets';
import { DEFAULT_DATASET } from '../models/trainingConfig';
import { MessageError } from '../shared/messages/messageError';
import type { BrowseRequest } from '../shared/protocol';
import { dataHandlers } from './dataService';
import { fromDisk } from './testing/sessionHarness';

const handlers = dataHandlers({
  ...fromDisk,
  decodeImage: () => Promise.reject(new Error('no images in this test')),
  newId: () => 'id',
});

function browseSpiral(samples: number) {
  const entry = manifestEntry('spiral');
  if (!entry) throw new Error('spiral is in the manifest');
  const dataset = { ...DEFAULT_DATASET, ...defaultChoiceFor('spiral'), samples };
  const request: BrowseRequest = {
    dataset,
    datasetInfo: builtinInfo(entry, dataset),
    datasetBaseUrl: 'file:///unused/', // generated data: nothing is fetched
    seed: 1,
    validationSplit: 0.2,
    testSplit: 0.1,
    offset: 0,
    limit: 10,
  };
  return handlers.browse({ type: 'browse', requestId: 1, request });
}

describe('the dataset browser’s requests', () => {
  it('pages through generated data whose settings are valid', async () => {
    const answer = await browseSpiral(300);
    expect(answer.type).toBe('samples');
    if (answer.type !== 'samples') return;
    expect(answer.page.total).toBe(300);
    expect(answer.page.count).toBe(10);
  });

  it('refuses a sample count that training refuses, naming the setting', async () => {
    const refusal = await browseSpiral(1e8).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(MessageError);
    // Without the check, the worker would set out to generate 10⁸ points (this test would time out).
    expect((refusal as MessageError).userMessage.key).toBe('analysis.setting.samples');
  });
});

describe('a table, as training and the browser see it', () => {
  it('is standardised on the training rows alone, the same in both', async () => {
    const { builtinDataset } = await import('../data/datasets');
    const { loadForTraining } = await import('./datasetLoader');
    const { request } = await import('./testing/sessionHarness');
    const split = { validationSplit: 0.2, testSplit: 0.2 };
    const iris = { ...DEFAULT_DATASET, ...defaultChoiceFor('iris') };
    const start = request({
      dataset: iris,
      datasetInfo: builtinDataset('iris'),
      training: { ...split, seed: 5 },
    });
    const prepared = await loadForTraining(start, fromDisk, () => undefined);
    // 150 rows: 30 test, then 24 validation of the other 120, so 96 training rows.
    expect(prepared.train.count).toBe(96);
    const columns = 4;
    for (let f = 0; f < columns; f++) {
      let sum = 0;
      for (let n = 0; n < 96; n++) sum += prepared.train.x[n * columns + f] ?? 0;
      expect(Math.abs(sum / 96), `column ${f}: training rows centred`).toBeLessThan(1e-5);
    }
    const page = await handlers.browse({
      type: 'browse',
      requestId: 2,
      request: {
        dataset: iris,
        datasetInfo: builtinDataset('iris'),
        datasetBaseUrl: start.datasetBaseUrl,
        seed: 5,
        ...split,
        offset: 0,
        limit: 150,
      },
    });
    if (page.type !== 'samples') throw new Error('a page');
    // The browser's rows are training's: the first 96 the training rows, the rest held out.
    expect(Array.from(page.page.x.subarray(0, 96 * columns))).toEqual(Array.from(prepared.train.x));
    expect(Array.from(page.page.x.subarray(96 * columns, 120 * columns))).toEqual(
      Array.from(prepared.validation?.x ?? []),
    );
  });
});
