/**
 * An Error that carries a Message, so code deep in the worker or the data loaders can throw a
 * sentence the UI shows in the user's language. `error.message` is its English text (logs, tests,
 * libraries that only read `.message`).
 */
import { englishText } from './englishText';
import { isMessage, message, verbatim, type Message, type MessageValue } from './message';
import type { MessageKey } from './messageKeys';

export class MessageError extends Error {
  readonly userMessage: Message;

  constructor(userMessage: Message, options?: { cause?: unknown }) {
    super(englishText(userMessage), options);
    this.name = 'MessageError';
    this.userMessage = userMessage;
  }
}

/** Throws a MessageError; shorthand for `throw new MessageError(message(key, values))`. */
export function throwMessage(key: MessageKey, values?: Record<string, MessageValue>): never {
  throw new MessageError(message(key, values));
}

/**
 * What to show for anything caught: a MessageError's Message, a Message itself, or an ordinary
 * error's own text shown as it is (`common.verbatim`; a library's English has no translation).
 */
export function toMessage(error: unknown): Message {
  if (error instanceof MessageError) return error.userMessage;
  if (isMessage(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  return verbatim(text);
}
