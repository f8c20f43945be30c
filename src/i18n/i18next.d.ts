// Typed keys and {{variables}}: t('…') only takes keys of the English resources, with their values.
import 'i18next';
import type { en } from './resources/en';
import type { trainingEn } from './training/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en; training: typeof trainingEn };
  }
}
