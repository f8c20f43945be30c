/** Chinese for messages.en.ts: the same keys and {{variables}}. */
import type { messagesEn } from './messages.en';
import type { Translation } from './types';

export const messagesZhCN: Translation<typeof messagesEn> = {
  common: {
    verbatim: '{{text}}',
  },
};
