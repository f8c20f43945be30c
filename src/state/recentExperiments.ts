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

/** Same experiment = same design, data and settings (the name and views do not make it new). */
function sameWork(a: Experiment, b: Experiment): boolean {
  const key = (e: Experiment) => JSON.stringify([e.spec, e.dataset, e.training]);
  return key(a) === key(b);
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
