import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../shared/protocol';
import { PromptGenerator } from './PromptGenerator';

/**
 * What a character language model writes as it trains: a window of real text (grey), then the
 * characters the model sampled after it. Early on it is noise; soon spaces and common letters;
 * later words and punctuation in the corpus's style. Below it, the learner's own prompt.
 */
export function GenerationView({
  probe,
  windowLength,
}: {
  probe: ProbeResult | null;
  windowLength: number;
}) {
  const { t } = useTranslation();
  const generation = probe?.generation;
  return (
    <>
      {generation ? (
        <p className="generated-text" data-testid="generated-text" lang="">
          <span className="generated-prompt">{generation.prompt}</span>
          <span data-testid="generated-continuation">{generation.text}</span>
        </p>
      ) : (
        <p className="hint">{t('generation.noRun')}</p>
      )}
      <PromptGenerator windowLength={windowLength} passage={generation?.prompt ?? null} />
    </>
  );
}
