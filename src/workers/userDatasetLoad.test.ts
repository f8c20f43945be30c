/** Loading the user's own uploads from the worker's store: old notes, and an upload that is gone. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../models/trainingConfig';
import { userInfo, type UserDatasetEntry } from '../data/datasets';
import { englishText } from '../shared/messages/englishText';
import { MessageError } from '../shared/messages/messageError';
import { chineseText } from '../shared/messages/testing/chineseText';
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

function load(userData = createMemoryStore()) {
  return loadDataset(
    {
      dataset: { ...DEFAULT_DATASET, id: entry.id },
      datasetInfo: userInfo(entry),
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
});
