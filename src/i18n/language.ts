/** The languages LayerLab speaks, and how the page picks one. Pure: no DOM, no i18next. */

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language to start in: the one the user chose before, else the browser's first preference
 * LayerLab has (any Chinese → zh-CN, English → en), else English.
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Which text of a `{ en, zh }` pair (dataset manifest, preset guides, lessons) to show. */
export function textLanguage(language: string): 'en' | 'zh' {
  return language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
