/**
 * The last few experiments the user trained, shared, exported or opened, kept in this browser so
 * yesterday's work is one click away. Each entry is validated on the way out, like any input.
 */
import { parseExperiment, type Experiment } from '../shared/experiment';
import { KEPT, type KeyValueStorage } from '../shared/storageKeys';

export const MAX_RECENT = 10;

export interface RecentExperiment {
  /** ISO time it was last used. */
  at: string;
  experiment: Experiment;
}

/** What makes two experiments the same work: the design, the data and the settings. */
export type Work = Pick<Experiment, 'spec' | 'dataset' | 'training'>;

/** Same experiment = same design, data and settings (the name and views do not make it new). */
export function sameWork(a: Work, b: Work): boolean {
  const key = (e: Work) => JSON.stringify([e.spec, e.dataset, e.training], sortedKeys);
  return key(a) === key(b);
}

/** JSON.stringify's replacer writing objects' keys in order: a restored copy lists them as it likes. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

export function readRecent(storage: KeyValueStorage): RecentExperiment[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(KEPT.recentExperiments.name) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const entries: RecentExperiment[] = [];
  for (const item of raw as Array<{ at?: unknown; experiment?: unknown }>) {
    const parsed = parseExperiment(item?.experiment);
    if (parsed.ok && typeof item.at === 'string')
      entries.push({ at: item.at, experiment: parsed.experiment });
  }
  return entries.slice(0, MAX_RECENT);
}

/** Puts the experiment first (replacing the same work), keeps MAX_RECENT; returns the list. */
export function rememberExperiment(
  storage: KeyValueStorage,
  experiment: Experiment,
  now: Date = new Date(),
): RecentExperiment[] {
  const list = [
    { at: now.toISOString(), experiment },
    ...readRecent(storage).filter((r) => !sameWork(r.experiment, experiment)),
  ].slice(0, MAX_RECENT);
  try {
    storage.setItem(KEPT.recentExperiments.name, JSON.stringify(list));
  } catch {
    // A full or disabled storage loses the list, never the work.
  }
  return list;
}
