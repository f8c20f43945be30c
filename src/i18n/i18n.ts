/**
 * The one i18next instance. English is bundled; every other language is a lazily loaded chunk,
 * fetched before the page switches to it, so the UI never shows half-loaded text. The chosen
 * language is kept in localStorage; without a choice the browser's languages decide.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, pickLanguage, type Language } from './language';
import { en } from './resources/en';
import type { Resources } from './resources/types';
import { KEPT } from '../shared/storageKeys';

export const i18n = i18next.createInstance();

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Resources>> = {
  'zh-CN': () => import('./resources/zh-CN').then((m) => m.zhCN),
};

async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await LOADERS[language]());
}

function readStored(): string | null {
  try {
    return localStorage.getItem(KEPT.language.name);
  } catch {
    return null; // storage blocked: fall back to the browser's languages
  }
}

/** The language the page shows now (one of LANGUAGES). */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Switches the page's language (loading its text first) and, unless told not to, remembers it. */
export async function setLanguage(language: Language, { remember = true } = {}): Promise<void> {
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
  if (!remember) return;
  try {
    localStorage.setItem(KEPT.language.name, language);
  } catch {
    // Not remembered across reloads; the switch itself still applies.
  }
}

// <html lang> follows the language (screen readers, fonts, hyphenation), and so does the title.
i18n.on('languageChanged', (language: string) => {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
});

/** Starts i18next in the language the page should open in; resolves once its text is loaded. */
export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    load: 'currentOnly',
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
    // Text added after the first paint (lateText.ts) re-renders what showed a key meanwhile.
    react: { useSuspense: false, bindI18nStore: 'added' },
  });
  const start = pickLanguage(readStored(), navigator.languages ?? [navigator.language]);
  // A language chunk that cannot load (offline before it was cached) leaves the page in English.
  if (start !== 'en') await setLanguage(start, { remember: false }).catch(() => undefined);
}
