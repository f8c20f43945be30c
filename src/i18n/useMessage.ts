/** Renders Messages (src/shared/messages/message.ts) in the page's language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveValues } from '../shared/messages/englishText';
import type { Message } from '../shared/messages/message';

/** A function that turns a Message into text in the current language; changes with the language. */
export function useMessage(): (message: Message) => string {
  const { t } = useTranslation();
  return useMemo(() => {
    const render = (message: Message): string =>
      // The key is typed by MessageKey; i18next's own key type cannot see through the template.
      t(`messages.${message.key}` as never, resolveValues(message, render));
    return render;
  }, [t]);
}
