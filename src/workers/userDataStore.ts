/**
 * Where the user's imported datasets live: IndexedDB (through idb-keyval), so an upload survives a
 * reload and never leaves the device. Only the worker reads and writes it; the UI keeps the small
 * descriptions (UserDatasetEntry) in its persisted state. Tests use the in-memory version.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { UserDatasetEntry } from '../data/datasets';
import type { LabelledData, Normalization } from '../data/types';
import { KEPT } from '../shared/storageKeys';

export interface StoredDataset {
  entry: UserDatasetEntry;
  data: LabelledData;
  normalization: Normalization;
}

export interface UserDataStore {
  get(id: string): Promise<StoredDataset | undefined>;
  put(stored: StoredDataset): Promise<void>;
  delete(id: string): Promise<void>;
}

export function createIndexedDbStore(): UserDataStore {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(KEPT.userDatasets.name, KEPT.userDatasets.store));
  return {
    get: (id) => get<StoredDataset>(id, db()),
    put: (stored) => set(stored.entry.id, stored, db()),
    delete: (id) => del(id, db()),
  };
}

export function createMemoryStore(): UserDataStore {
  const items = new Map<string, StoredDataset>();
  return {
    get: (id) => Promise.resolve(items.get(id)),
    put: (stored) => {
      items.set(stored.entry.id, stored);
      return Promise.resolve();
    },
    delete: (id) => {
      items.delete(id);
      return Promise.resolve();
    },
  };
}
