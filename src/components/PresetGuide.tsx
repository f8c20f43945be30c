import { PRESET_GUIDES } from '../models/presetGuides';

/** The page's language as LayerLab shows it: Chinese when <html lang> says zh, else English. */
export function guideLanguage(): 'en' | 'zh' {
  return document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** What a preset is and what to watch while it trains, in two short paragraphs. */
export function PresetGuide({ presetId }: { presetId: string }) {
  const guide = PRESET_GUIDES[presetId];
  if (!guide) return null;
  const language = guideLanguage();
  return (
    <div
      className="preset-guide hint"
      data-testid="preset-guide"
      lang={language === 'zh' ? 'zh-CN' : 'en'}
    >
      {guide[language].map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  );
}
