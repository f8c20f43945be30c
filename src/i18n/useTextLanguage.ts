import { useTranslation } from 'react-i18next';
import { textLanguage } from './language';

/** Which text of a `{ en, zh }` pair (manifest, preset guides, lessons) the page shows now. */
export function useTextLanguage(): 'en' | 'zh' {
  return textLanguage(useTranslation().i18n.language);
}
