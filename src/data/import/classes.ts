/**
 * Class names: their order (class ids) and how they are reported. Every importer sorts classes
 * the same "natural" way, so "2" comes before "10" and "cat" before "Dog" whatever the source.
 */
import { message, type Message } from '../../shared/messages/message';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Numbers numerically, then text in natural order ("img2" < "img10"), case-insensitively. */
export function compareNatural(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  const aNumeric = a.trim() !== '' && Number.isFinite(x);
  const bNumeric = b.trim() !== '' && Number.isFinite(y);
  if (aNumeric && bNumeric && x !== y) return x - y;
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  // Ties in the collator (e.g. "Cat" and "cat") fall back to code points, so the order is total.
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * "3 classes: cat (120), dog (98), fox (40)." — the first 12, then how many more. A built-in
 * table gives its classes' Chinese names too (`classesZh`), and the Chinese page lists those.
 */
export function describeClasses(
  classes: readonly string[],
  counts: readonly number[],
  classesZh?: readonly string[],
): Message {
  // Names and numbers only: the list reads the same in every language.
  const listOf = (names: readonly string[], open: string, close: string, comma: string) =>
    names
      .slice(0, 12)
      .map((name, i) => `${name}${open}${counts[i] ?? 0}${close}`)
      .join(comma);
  const english = listOf(classes, ' (', ')', ', ');
  const list =
    classesZh?.length === classes.length
      ? message('common.inLanguage', { en: english, zh: listOf(classesZh, '（', '）', '、') })
      : english;
  return classes.length > 12
    ? message('data.note.classesMore', { classes: classes.length, list, more: classes.length - 12 })
    : message('data.note.classes', { classes: classes.length, list });
}
