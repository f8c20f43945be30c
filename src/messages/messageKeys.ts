/**
 * The keys a Message may use: every leaf of the English `messages` group, dotted
 * (`analysis.noLayers`), with i18next's plural suffixes folded (`x_one` + `x_other` → `x`).
 */
import type { messagesEn } from '../i18n/resources/messages.en';

type PluralBase<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${PluralBase<K>}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof messagesEn>;
