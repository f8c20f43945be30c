/**
 * The message groups the page does not need for its first paint: the training worker's sentences
 * (it says nothing before it has started, after the page), why an imported model or dataset file
 * cannot be used, and why the browser would not keep something (shown only after an upload or a
 * save),
 * registered wherever this module is imported: the worker entries and the test setup at once, the
 * page after its first paint (src/i18n/lateText.ts).
 */
import { addMessageGroups } from './knownMessages';
import { dataImportEn } from './text/dataImport.en';
import { modelImportEn } from './text/modelImport.en';
import { storageEn } from './text/storage.en';
import { workerEn } from './text/worker.en';

export const lateMessagesEn = {
  modelImport: modelImportEn,
  dataImport: dataImportEn,
  storage: storageEn,
  worker: workerEn,
};

addMessageGroups(lateMessagesEn);
