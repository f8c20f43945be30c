/** Loading the user's own uploads from the worker's store: old notes, and an upload that is gone. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../models/trainingConfig';
import { userInfo, type UserDatasetEntry } from '../data/datasets';
import { englishText } from '../shared/messages/englishText';
import { MessageError } from '../shared/messages/messageError';
import { chineseText } from '../shared/messages/testing/chineseText';
import { parseTableText } from '../data/import/csv';
import { tableToDataset } from '../data/import/table';
import { loadDataset } from './datasetLoader';
import { createMemoryStore } from './userDataStore';

const entry: UserDatasetEntry = {
  id: 'user:pets',
  kind: 'table',
  task: 'classification',
  name: 'pets',
  inputShape: [1],
  classes: ['a', 'b'],
  samples: 4,
  notes: [],
};

function load(userData = createMemoryStore(), stored: UserDatasetEntry = entry) {
  return loadDataset(
    {
      dataset: { ...DEFAULT_DATASET, id: stored.id },
      datasetInfo: userInfo(stored),
      datasetBaseUrl: 'file:///nowhere/',
      seed: 1,
      validationSplit: 0.2,
      testSplit: 0,
    },
    { fetchFile: () => Promise.reject(new Error('no bundled file is needed')), userData },
    () => undefined,
  );
}

describe('a stored upload', () => {
  it('shows notes stored as English text by an older version as they are', async () => {
    const userData = createMemoryStore();
    // An IndexedDB record from before notes were Messages: its notes are strings.
    const oldNotes = ['Read 4 rows and 2 columns.'] as unknown as UserDatasetEntry['notes'];
    await userData.put({
      entry: { ...entry, notes: oldNotes },
      data: { x: Float32Array.of(0, 1, 2, 3), y: Int32Array.of(0, 1, 0, 1), count: 4 },
      normalization: { kind: 'none' },
    });
    const decoded = await load(userData);
    expect(decoded.data.count).toBe(4);
    expect(decoded.notes.map(chineseText)).toEqual(['Read 4 rows and 2 columns.']);
  });

  it('that is gone is named, in either language', async () => {
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    const { userMessage } = error as MessageError;
    expect(englishText(userMessage)).toMatch(/^"pets" is no longer stored in this browser/);
    expect(chineseText(userMessage)).toMatch(/^这个浏览器里已不再保存“pets”/);
  });

  it("has its missing values filled with the run's training mean: no NaN, nothing held out used", async () => {
    // 20 rows; ages missing in rows 3, 9 and 15, the label alternating.
    const lines = Array.from(
      { length: 20 },
      (_, i) => `${i % 6 === 3 ? 'NA' : i * 2},${'ab'[i % 2]}`,
    );
    const imported = tableToDataset(
      parseTableText('ages.csv', `age,label\n${lines.join('\n')}\n`),
      {
        labelColumn: 'label',
      },
    );
    const gaps = { ...entry, id: 'user:ages', name: 'ages', samples: 20 };
    const userData = createMemoryStore();
    await userData.put({ entry: gaps, data: imported.data, normalization: imported.normalization });
    const { data, normalization } = await load(userData, gaps);
    const x = Array.from(data.x);
    expect(x.some((v) => Number.isNaN(v))).toBe(false);
    // The loader puts the rows in the run's order; the first 16 are the training split
    // (validation 0.2). Each gap is their mean exactly (0 once standardised), and their present
    // ages average 0: the held-out rows took no part.
    const gapCount = Array.from(imported.data.x).filter((v) => Number.isNaN(v)).length;
    expect(gapCount).toBe(3);
    expect(x.filter((v) => v === 0)).toHaveLength(gapCount);
    const present = x.slice(0, 16).filter((v) => v !== 0);
    expect(present.reduce((a, b) => a + b, 0) / present.length).toBeCloseTo(0, 5);
    expect(normalization.kind).toBe('standardize');
  });
});
