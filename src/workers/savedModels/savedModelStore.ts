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

/**
 * Stores a model's two parts. Weights first, so an entry in the list always has its weights;
 * weights whose entry could not be written are taken back out (nothing would list them, so
 * nothing could ever delete them), and the entry's failure is what the caller sees.
 */
export async function writeBoth(write: {
  weights(): Promise<void>;
  entry(): Promise<void>;
  removeWeights(): Promise<void>;
}): Promise<void> {
  await write.weights();
  try {
    await write.entry();
  } catch (error) {
    await write.removeWeights().catch(() => undefined);
    throw error;
  }
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
    put: (entry, model) =>
      writeBoth({
        weights: () => set(entry.id, model, modelDb()),
        entry: () => set(entry.id, entry, entryDb()),
        removeWeights: () => del(entry.id, modelDb()),
      }),
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
