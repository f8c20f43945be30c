import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormats, type NumberFormats } from './format';

/** Number formats in the page's language; components re-render when it changes. */
export function useFormat(): NumberFormats {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => numberFormats(language), [language]);
}
