/**
 * Teacher mode and presentation mode, from the page's query string (the fragment is the share
 * link's), so a teacher can hand out one link that opens LayerLab the way the lesson needs:
 *
 *   ?preset=mnist-mlp&lock=dataset,designer&hide=upload,export&present=1&lesson=spiral-few-neurons
 *
 * Pure and total: unknown names are ignored and reported in `problems`, never thrown.
 */
import { message, type Message } from '../shared/messages/message';

export const HIDEABLE = [
  'data',
  'upload',
  'designer',
  'settings',
  'internals',
  'runs',
  'models',
  'export',
  'share',
  'backend',
  'lessons',
] as const;
export type Hideable = (typeof HIDEABLE)[number];

export const LOCKABLE = ['dataset', 'designer', 'settings', 'preset'] as const;
export type Lockable = (typeof LOCKABLE)[number];

export interface ClassroomFlags {
  hide: ReadonlySet<Hideable>;
  lock: ReadonlySet<Lockable>;
  /** A preset loaded at start (the teacher's fixed starting point). */
  preset: string | null;
  /** A built-in dataset selected at start. */
  dataset: string | null;
  /** A lesson opened at start. */
  lesson: string | null;
  /** Large type, high contrast, one view at a time. */
  presentation: boolean;
  /** What in the query string could not be used, in words (files.classroom). */
  problems: Message[];
}

function list<T extends string>(
  raw: string | null,
  allowed: readonly T[],
  what: 'hide' | 'lock',
  problems: Message[],
): Set<T> {
  const chosen = new Set<T>();
  for (const name of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if ((allowed as readonly string[]).includes(name)) chosen.add(name as T);
    else
      problems.push(
        message(what === 'hide' ? 'files.classroom.cannotHide' : 'files.classroom.cannotLock', {
          name,
          allowed: allowed.join(', '),
        }),
      );
  }
  return chosen;
}

const TRUE = new Set(['1', 'true', 'yes', 'on', '']);

export function parseClassroomFlags(
  search: string,
  known: { presets: readonly string[]; datasets: readonly string[]; lessons: readonly string[] },
): ClassroomFlags {
  const params = new URLSearchParams(search);
  const problems: Message[] = [];
  const pick = (
    key: string,
    allowed: readonly string[],
    missing: 'files.classroom.noPreset' | 'files.classroom.noDataset' | 'files.classroom.noLesson',
  ): string | null => {
    const value = params.get(key);
    if (value === null) return null;
    if (allowed.includes(value)) return value;
    problems.push(message(missing, { name: value }));
    return null;
  };
  const present = params.get('present');
  return {
    hide: list(params.get('hide'), HIDEABLE, 'hide', problems),
    lock: list(params.get('lock'), LOCKABLE, 'lock', problems),
    preset: pick('preset', known.presets, 'files.classroom.noPreset'),
    dataset: pick('dataset', known.datasets, 'files.classroom.noDataset'),
    lesson: pick('lesson', known.lessons, 'files.classroom.noLesson'),
    presentation: present !== null && TRUE.has(present.toLowerCase()),
    problems,
  };
}
