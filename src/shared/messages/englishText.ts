/**
 * Renders a Message in English without the page (Node tests, console logs, the worker): its own
 * i18next instance over the English `messages` group, so plurals and interpolation work exactly as
 * in the UI.
 */
import i18next from 'i18next';
import { knownMessages, onMessageGroups } from './knownMessages';
import { isMessage, type Message } from './message';

const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources: { en: { translation: { messages: knownMessages } } },
  initAsync: false,
  interpolation: { escapeValue: false },
});

// Groups registered later (lateMessages.ts) become English text here too.
onMessageGroups((groups) =>
  english.addResourceBundle('en', 'translation', { messages: groups }, true, true),
);

/** A Message's values with nested Messages rendered first, by `render`. */
export function resolveValues(
  message: Message,
  render: (inner: Message) => string,
): Record<string, string | number> {
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {}))
    resolved[name] = isMessage(value) ? render(value) : value;
  return resolved;
}

export function englishText(message: Message): string {
  return english.t(`messages.${message.key}`, resolveValues(message, englishText));
}
