/**
 * The keys a Message may use: every leaf of the English `messages` group, dotted
 * (`analysis.noLayers`), with i18next's plural suffixes folded (`x_one` + `x_other` → `x`).
 */
import { knownMessages, LATE_GROUPS } from './knownMessages';
import type { messagesEn } from './text/messages.en';

type PluralBase<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${PluralBase<K>}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof messagesEn>;

/**
 * Whether `key` names a sentence of the English `messages` group (a plural key by its base), for
 * Messages read back from storage, which an older or newer LayerLab may have written. Only the
 * groups known so far count (knownMessages.ts).
 */
export function isMessageKey(key: string): key is MessageKey {
  const path = key.split('.');
  const last = path.pop() ?? '';
  const [first = ''] = path;
  if (!Object.hasOwn(knownMessages, first) && LATE_GROUPS.includes(first)) return true;
  let group: unknown = knownMessages;
  for (const part of path) {
    if (typeof group !== 'object' || group === null || !Object.hasOwn(group, part)) return false;
    group = (group as Record<string, unknown>)[part];
  }
  if (typeof group !== 'object' || group === null) return false;
  const leaves = group as Record<string, unknown>;
  return [last, `${last}_one`, `${last}_other`].some(
    (name) => Object.hasOwn(leaves, name) && typeof leaves[name] === 'string',
  );
}
