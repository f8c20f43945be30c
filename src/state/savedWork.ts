/**
 * Reading the saved work back (zustand's `merge` for KEPT.work): valid work replaces the defaults;
 * work that cannot be used (not JSON, written by a newer LayerLab, failing the schema, or one the
 * app cannot take) is set aside under its own key with a notice, so that the next save of the
 * default design destroys nothing the user made.
 */
import { builtinDataset, datasetTitle, resolveDataset } from '../data/datasets';
import { DEFAULT_PRESET } from '../models/presets';
import { message } from '../shared/messages/message';
import { describeZodError, savedWorkSchema, type SavedWork } from '../shared/schemas';
import { toMessage } from '../shared/messages/messageError';
import { KEPT } from '../shared/storageKeys';
import type { AppState } from './store';
import { isUnreadable, type UnreadableWork } from './workStorage';

export function mergeSavedWork(persisted: unknown, current: AppState): AppState {
  if (persisted === undefined || persisted === null) return current;
  if (isUnreadable(persisted)) return setAside(current, persisted);
  const parsed = savedWorkSchema.safeParse(withDistinctLayerIds(persisted));
  if (!parsed.success) {
    return setAside(current, { unreadable: 'invalid', detail: describeZodError(parsed.error) });
  }
  try {
    return mergeWork(current, parsed.data);
  } catch (error) {
    // A value the schema lets through that the app cannot take: the same as unreadable, not a
    // silent start from the defaults (zustand swallows the error) that the next save keeps.
    return setAside(current, { unreadable: 'invalid', detail: toMessage(error) });
  }
}

/**
 * The saved work with each layer's id its own: an older LayerLab could give a block the id of a
 * layer left over from an earlier expansion, and the schema now refuses two layers of one id
 * (a file or a link says so). The user's own saved design is repaired instead: a later duplicate
 * gets a suffix, so it stays a layer of its own.
 */
export function withDistinctLayerIds(persisted: unknown): unknown {
  const work = persisted as { spec?: { layers?: unknown } } | null;
  const layers = work?.spec?.layers;
  if (!Array.isArray(layers)) return persisted;
  const ids = new Set<string>();
  const distinct = layers.map((layer: unknown) => {
    const id = (layer as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return layer;
    let free = id;
    for (let n = 2; ids.has(free); n++) free = `${id}_${n}`;
    ids.add(free);
    return free === id ? layer : { ...(layer as object), id: free };
  });
  return { ...work, spec: { ...work?.spec, layers: distinct } };
}

/**
 * Keeps saved work that cannot be used under its own key, so that the next save (of the default
 * design now shown) destroys nothing the user made, and says so.
 */
function setAside(current: AppState, why: UnreadableWork): AppState {
  try {
    const raw = localStorage.getItem(KEPT.work.name);
    if (raw !== null) localStorage.setItem(KEPT.unreadableWork.name, raw);
  } catch {
    // Storage that cannot be read or written holds nothing to set aside.
  }
  const key = KEPT.unreadableWork.name;
  const notice =
    why.unreadable === 'notJson'
      ? message('notices.savedDesignNotJson', { key })
      : why.unreadable === 'newer'
        ? message('notices.savedDesignNewer', { version: why.detail ?? '?', key })
        : message('notices.savedDesignUnreadable', { detail: why.detail ?? '', key });
  return { ...current, notice };
}

function mergeWork(current: AppState, work: SavedWork): AppState {
  if (!resolveDataset(work.dataset, work.userDatasets)) {
    return {
      ...current,
      ...work,
      dataset: DEFAULT_PRESET.dataset,
      notice: message('notices.savedDatasetMissing', {
        dataset: work.dataset.id,
        fallback: datasetTitle(builtinDataset(DEFAULT_PRESET.dataset.id)),
      }),
    };
  }
  return { ...current, ...work };
}
