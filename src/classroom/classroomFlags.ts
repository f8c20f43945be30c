/**
 * Teacher mode and presentation mode, from the page's query string (the fragment is the share
 * link's), so a teacher can hand out one link that opens LayerLab the way the lesson needs:
 *
 *   ?preset=mnist-mlp&lock=dataset,designer&hide=upload,export&present=1&lesson=spiral-few-neurons
 *
 * Pure and total: unknown names are ignored and reported in `problems`, never thrown.
 */
export const HIDEABLE = [
  'data',
  'upload',
  'designer',
  'settings',
  'internals',
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
  /** What in the query string could not be used, in words. */
  problems: string[];
}

function list<T extends string>(
  raw: string | null,
  allowed: readonly T[],
  what: string,
  problems: string[],
): Set<T> {
  const chosen = new Set<T>();
  for (const name of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if ((allowed as readonly string[]).includes(name)) chosen.add(name as T);
    else
      problems.push(
        `“${name}” is not something LayerLab can ${what} (it can ${what}: ${allowed.join(', ')}).`,
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
  const problems: string[] = [];
  const pick = (key: string, allowed: readonly string[], what: string): string | null => {
    const value = params.get(key);
    if (value === null) return null;
    if (allowed.includes(value)) return value;
    problems.push(`There is no ${what} “${value}”: it was not opened.`);
    return null;
  };
  const present = params.get('present');
  return {
    hide: list(params.get('hide'), HIDEABLE, 'hide', problems),
    lock: list(params.get('lock'), LOCKABLE, 'lock', problems),
    preset: pick('preset', known.presets, 'preset'),
    dataset: pick('dataset', known.datasets, 'built-in dataset'),
    lesson: pick('lesson', known.lessons, 'lesson'),
    presentation: present !== null && TRUE.has(present.toLowerCase()),
    problems,
  };
}
