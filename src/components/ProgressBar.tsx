import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/useMessage';
import { useFormat } from '../i18n/useFormat';
import { useStore } from '../state/store';

/** Anything quicker than this shows no bar: a flash of a bar reads as a glitch. */
const SHOW_AFTER_MS = 500;

/**
 * The preparing phase's progress (downloading, decoding, checking backends) as a bar, once it has
 * taken longer than half a second. Determinate while a download of known size runs.
 */
export function ProgressBar() {
  const { t } = useTranslation();
  const format = useFormat();
  const preparing = useStore((s) => s.phase === 'preparing');
  const show = useMessage();
  const progress = useStore((s) => s.progress);
  const message = progress ? show(progress) : null;
  const fraction = useStore((s) => s.progressFraction);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!preparing) return;
    const timer = setTimeout(() => setVisible(true), SHOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setVisible(false);
    };
  }, [preparing]);
  if (!preparing || !visible) return null;
  return (
    <div className="progress" data-testid="progress">
      <progress
        max={1}
        value={fraction ?? undefined}
        aria-label={message ?? t('progress.preparing')}
        data-testid="progress-bar"
      />
      <span className="hint">
        {fraction === null
          ? (message ?? t('progress.preparing'))
          : t('progress.withFraction', {
              message: message ?? t('progress.preparing'),
              percent: format.percent(fraction, 0),
            })}
      </span>
    </div>
  );
}
