import { useTextLanguage } from '../i18n/useTextLanguage';
import { PRESET_GUIDES } from '../models/presetGuides';

/** What a preset is and what to watch while it trains, in two short paragraphs. */
export function PresetGuide({ presetId }: { presetId: string }) {
  const language = useTextLanguage();
  const guide = PRESET_GUIDES[presetId];
  if (!guide) return null;
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
