/**
 * A sentence for the user made outside the components (model analysis, the worker, the store):
 * a key of the `messages` text group plus its values. Pure data, so it crosses the worker
 * boundary and runs in Node; the UI renders it in the page's language (`useMessage`), tests and
 * logs in English (`englishText`). Whole sentences only: a value is a number, a name the user
 * typed or data gave (a file, a layer, a class), or another Message, never a sentence fragment
 * glued on in English.
 */
import type { MessageKey } from './messageKeys';

export type MessageValue = string | number | Message;

export interface Message {
  key: MessageKey;
  values?: Readonly<Record<string, MessageValue>>;
}

/** Builds a Message; `count` picks the plural form (`key_one` / `key_other`). */
export function message(key: MessageKey, values?: Record<string, MessageValue>): Message {
  return values === undefined ? { key } : { key, values };
}

/**
 * Text shown as it is, in every language: a library's own words, or a note stored as English
 * before notes were Messages.
 */
export function verbatim(text: string): Message {
  return message('common.verbatim', { text });
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { key?: unknown }).key === 'string'
  );
}

/** Items as one list ("a, b, c"; "a、b、c" in Chinese); null for none. */
export function listMessages(items: readonly Message[]): Message | null {
  if (items.length === 0) return null;
  return items.reduce((first, second) => message('common.listed', { first, second }));
}

/** Several Messages shown one after the other (null for none), e.g. a list of notes as one notice. */
export function joinMessages(messages: readonly Message[]): Message | null {
  if (messages.length === 0) return null;
  return messages.reduce((first, second) => message('common.joined', { first, second }));
}
