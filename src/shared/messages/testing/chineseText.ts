/** Renders a Message in Simplified Chinese, for tests that check a translation is complete. */
import i18next from 'i18next';
import { messagesZhCN } from '../text/messages.zh-CN';
import { resolveValues } from '../englishText';
import type { Message } from '../message';

const chinese = i18next.createInstance();
void chinese.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: { messages: messagesZhCN } } },
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function chineseText(message: Message): string {
  return chinese.t(`messages.${message.key}`, resolveValues(message, chineseText));
}
