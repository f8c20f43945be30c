/**
 * English text the first screen never shows, added after the first paint: the model import's
 * Messages (a Keras file's problems and notes appear only after the user imports one), to the
 * page's i18next and to englishText. main.tsx loads this module right after the first render.
 */
import { lateMessagesEn } from '../shared/messages/lateMessages';
import { i18n } from './i18n';

i18n.addResourceBundle('en', 'translation', { messages: lateMessagesEn }, true);
