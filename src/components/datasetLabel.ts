import type { TFunction } from 'i18next';
import { manifestEntry } from '../data/datasets';
import { useStore } from '../state/store';

/**
 * A dataset named for the reader, from its id: a built-in one by its name in the page's language,
 * an upload by the name it was given (the id when this browser no longer lists it).
 */
export function datasetLabel(t: TFunction, id: string): string {
  const entry = manifestEntry(id);
  if (entry) return t('messages.common.inLanguage', { en: entry.name.en, zh: entry.name.zh });
  return useStore.getState().userDatasets.find((d) => d.id === id)?.name ?? id;
}
