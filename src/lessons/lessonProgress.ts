/**
 * A learner's progress through lessons, kept in this browser (localStorage): the step reached
 * and the goals met, per lesson. Unreadable data is treated as no progress, never thrown.
 */
import { z } from '../shared/zod';
import { KEPT, type KeyValueStorage } from '../shared/storageKeys';

const progressSchema = z.record(
  z.string(),
  z.object({
    step: z.int().check(z.nonnegative()),
    met: z.array(z.int().check(z.nonnegative())),
  }),
);
export type LessonProgress = z.infer<typeof progressSchema>;

export function readProgress(storage: KeyValueStorage): LessonProgress {
  try {
    const parsed = progressSchema.safeParse(
      JSON.parse(storage.getItem(KEPT.lessonProgress.name) ?? '{}'),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveProgress(
  storage: KeyValueStorage,
  lessonId: string,
  patch: { step?: number; met?: number },
): LessonProgress {
  const all = readProgress(storage);
  const current = all[lessonId] ?? { step: 0, met: [] };
  const met =
    patch.met === undefined || current.met.includes(patch.met)
      ? current.met
      : [...current.met, patch.met].sort((a, b) => a - b);
  const next = { ...all, [lessonId]: { step: patch.step ?? current.step, met } };
  try {
    storage.setItem(KEPT.lessonProgress.name, JSON.stringify(next));
  } catch {
    // A full or blocked storage loses only the progress marks, never the work.
  }
  return next;
}
