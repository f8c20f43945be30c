/**
 * The message groups the page does not need for its first paint (the model import's sentences),
 * registered wherever this module is imported: the worker entries and the test setup at once, the
 * page after its first paint (src/i18n/lateText.ts).
 */
import { addMessageGroups } from './knownMessages';
import { modelImportEn } from './text/modelImport.en';

export const lateMessagesEn = { modelImport: modelImportEn };

addMessageGroups(lateMessagesEn);
