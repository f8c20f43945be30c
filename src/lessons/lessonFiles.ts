/**
 * The lessons LayerLab ships (public/lessons/*.json), listed here so the app knows their files
 * without listing a folder (a static host cannot). A teacher's own lesson file opens by URL or
 * upload and goes through the same parser.
 */
export const BUILTIN_LESSONS = [
  'spiral-few-neurons',
  'overfit-then-fix',
  'vanishing-gradients',
  'spiral-timeline',
  'reversal-head',
  'diverge-and-rescue',
] as const;

export function lessonUrl(id: string, base: string): string {
  return new URL(`lessons/${id}.json`, base).href;
}
