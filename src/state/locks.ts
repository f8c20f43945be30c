/**
 * A teacher's locks (`?lock=designer,dataset,settings,preset`) hold in the store, not only on the
 * controls: every way the design, the data choice or the settings can change (a card, a preset, a
 * lesson, a file, a share link, a saved model, a recent experiment, a run's "use this design", a
 * Keras import) goes through the store's actions, and those refuse a change to a locked part with
 * a notice that says what is locked.
 */
import type { Lockable } from '../classroom/classroomFlags';
import { listMessages, message, type Message } from '../shared/messages/message';

/** The parts of the work an action would replace. */
export interface WorkChange {
  spec?: unknown;
  dataset?: unknown;
  training?: unknown;
}

const PART_OF: Record<keyof WorkChange, Lockable> = {
  spec: 'designer',
  dataset: 'dataset',
  training: 'settings',
};

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The locked parts that `next` would change (a part it leaves as it is, like a lesson's preset
 * that is already loaded, is no change). `asPreset`: the change comes from choosing a preset.
 */
export function lockedChanges(
  locks: ReadonlySet<Lockable>,
  current: Required<WorkChange>,
  next: WorkChange,
  asPreset = false,
): Lockable[] {
  if (locks.size === 0) return [];
  const hit = new Set<Lockable>();
  for (const key of Object.keys(PART_OF) as (keyof WorkChange)[]) {
    if (!(key in next) || same(next[key], current[key])) continue;
    if (locks.has(PART_OF[key])) hit.add(PART_OF[key]);
    if (asPreset && locks.has('preset')) hit.add('preset');
  }
  return [...hit];
}

/** "The teacher's link locks the designer, the dataset, so this change was not made." */
export function lockedNotice(parts: readonly Lockable[]): Message {
  const names = listMessages(parts.map((part) => message(`notices.lockedPart.${part}`)));
  return message('notices.locked', { parts: names ?? '' });
}
