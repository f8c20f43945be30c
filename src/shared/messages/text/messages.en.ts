/**
 * English sentences made outside the components, as Messages (src/shared/messages/message.ts): the
 * `messages` group of the UI text. One file per group in messages/, by where the sentences are
 * made; zh-CN has the same keys in messages.zh-CN.ts (src/i18n/resources.test.ts checks). The page
 * bundles firstPaintMessages.en.ts and adds the model and data import groups after the first paint
 * (src/i18n/lateText.ts); Node, the worker and the types use all of them from here.
 */
import { firstPaintMessagesEn } from './firstPaintMessages.en';
import { dataImportEn } from './dataImport.en';
import { modelImportEn } from './modelImport.en';
import { storageEn } from './storage.en';
import { workerEn } from './worker.en';

export const messagesEn = {
  ...firstPaintMessagesEn,
  modelImport: modelImportEn,
  dataImport: dataImportEn,
  storage: storageEn,
  worker: workerEn,
};
