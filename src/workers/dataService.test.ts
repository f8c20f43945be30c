import { describe, expect, it } from 'vitest';
import { builtinInfo, defaultChoiceFor, manifestEntry, userInfo } from '../data/datasets';
import { parseTableText } from '../data/import/csv';
import { tableToDataset } from '../data/import/table';
import { DEFAULT_DATASET } from '../models/trainingConfig';
import { MessageError } from '../shared/messages/messageError';
import type { BrowseRequest } from '../shared/protocol';
import { dataHandlers } from './dataService';
import { fromDisk } from './testing/sessionHarness';
import { createMemoryStore } from './userDataStore';

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

describe('a table with gaps, in the browser', () => {
  it('shows each value the file lacked as a gap, while the model sees the training mean', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${i % 6 === 3 ? '?' : i},${'ab'[i % 2]}`);
    const imported = tableToDataset(parseTableText('gaps.csv', `v,label\n${lines.join('\n')}\n`), {
      labelColumn: 'label',
    });
    const entry = {
      id: 'user:gaps',
      kind: 'table' as const,
      task: 'classification' as const,
      name: 'gaps.csv',
      inputShape: [1],
      classes: ['a', 'b'],
      samples: 20,
      notes: [],
    };
    const userData = createMemoryStore();
    await userData.put({ entry, data: imported.data, normalization: imported.normalization });
    const withGaps = dataHandlers({
      ...fromDisk,
      userData,
      decodeImage: () => Promise.reject(new Error('no images in this test')),
      newId: () => 'id',
    });
    const answer = await withGaps.browse({
      type: 'browse',
      requestId: 3,
      request: {
        dataset: { ...DEFAULT_DATASET, id: entry.id },
        datasetInfo: userInfo(entry),
        datasetBaseUrl: 'file:///unused/',
        seed: 1,
        validationSplit: 0.2,
        testSplit: 0,
        offset: 0,
        limit: 20,
      },
    });
    if (answer.type !== 'samples') throw new Error('a page');
    const raw = Array.from(answer.page.raw ?? []);
    const gaps = raw.flatMap((v, n) => (Number.isNaN(v) ? [n] : []));
    expect(gaps).toHaveLength(3); // rows 3, 9 and 15 of the file, wherever the seed put them
    for (const n of gaps) expect(answer.page.x[n]).toBe(0);
    // Every other value reads back as the file wrote it (whole numbers 0..19).
    for (const v of raw.filter((value) => !Number.isNaN(value))) {
      expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-4);
    }
  });
});
