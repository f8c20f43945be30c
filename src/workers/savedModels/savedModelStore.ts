/**
 * Where saved models live: IndexedDB through idb-keyval, in two stores, so that listing reads
 * only the small descriptions and never the weights. Only the worker touches it; tests use the
 * in-memory version.
 */
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { RunHistory, SavedModelEntry } from '../../shared/protocol';
import type { ModelBundle } from './modelBundle';
import { KEPT } from '../../shared/storageKeys';
import { upgradeKept } from '../../shared/experiment';

export interface StoredModel {
  bundle: ModelBundle;
  history: RunHistory;
}

export interface SavedModelStore {
  list(): Promise<SavedModelEntry[]>;
  getEntry(id: string): Promise<SavedModelEntry | undefined>;
  getModel(id: string): Promise<StoredModel | undefined>;
  put(entry: SavedModelEntry, model: StoredModel): Promise<void>;
  delete(id: string): Promise<void>;
}

function newestFirst(entries: SavedModelEntry[]): SavedModelEntry[] {
  return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export function createIndexedDbSavedModelStore(): SavedModelStore {
  let entries: UseStore | null = null;
  let models: UseStore | null = null;
  const entryDb = () =>
    (entries ??= createStore(KEPT.savedModelEntries.name, KEPT.savedModelEntries.store));
  const modelDb = () =>
    (models ??= createStore(KEPT.savedModelWeights.name, KEPT.savedModelWeights.store));
  return {
    // Models kept by an older LayerLab get the settings added since (their defaults).
    list: async () =>
      newestFirst((await values<SavedModelEntry>(entryDb())).map((e) => upgradeKept(e))),
    getEntry: async (id) => upgradeKept(await get<SavedModelEntry>(id, entryDb())),
    getModel: (id) => get<StoredModel>(id, modelDb()),
    // Weights first: an entry in the list always has its weights.
    put: async (entry, model) => {
      await set(entry.id, model, modelDb());
      await set(entry.id, entry, entryDb());
    },
    delete: async (id) => {
      await del(id, entryDb());
      await del(id, modelDb());
    },
  };
}

export function createMemorySavedModelStore(): SavedModelStore {
  const entries = new Map<string, SavedModelEntry>();
  const models = new Map<string, StoredModel>();
  return {
    list: () => Promise.resolve(newestFirst([...entries.values()])),
    getEntry: (id) => Promise.resolve(entries.get(id)),
    getModel: (id) => Promise.resolve(models.get(id)),
    put: (entry, model) => {
      models.set(entry.id, model);
      entries.set(entry.id, entry);
      return Promise.resolve();
    },
    delete: (id) => {
      entries.delete(id);
      models.delete(id);
      return Promise.resolve();
    },
  };
}
