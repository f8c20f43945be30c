/**
 * Adds the "training" namespace (both languages) to i18next. Imported by the lazy panels that use
 * it, so its text loads with them and not with the first paint; importing it twice is harmless.
 */
import { i18n } from '../i18n';
import { trainingEn } from './en';
import { TRAINING_NS } from './namespace';
import { trainingZh } from './zh-CN';

i18n.addResourceBundle('en', TRAINING_NS, trainingEn);
i18n.addResourceBundle('zh-CN', TRAINING_NS, trainingZh);
