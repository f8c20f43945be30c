/**
 * The message groups the page does not need for its first paint (why an imported model or
 * dataset file cannot be used: shown only after an upload),
 * registered wherever this module is imported: the worker entries and the test setup at once, the
 * page after its first paint (src/i18n/lateText.ts).
 */
import { addMessageGroups } from './knownMessages';
import { dataImportEn } from './text/dataImport.en';
import { modelImportEn } from './text/modelImport.en';

export const lateMessagesEn = { modelImport: modelImportEn, dataImport: dataImportEn };

addMessageGroups(lateMessagesEn);
