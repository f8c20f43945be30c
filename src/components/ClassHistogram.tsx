import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';

interface Props {
  classes: readonly string[];
  counts: readonly number[];
}

/** Show at most this many bars; the rest are summed into one "others" line. */
const MAX_BARS = 20;

/** Samples per class as horizontal bars, so an unbalanced dataset is obvious at a glance. */
export function ClassHistogram({ classes, counts }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const max = Math.max(...counts);
  const bars = counts.slice(0, MAX_BARS);
  const others = counts.slice(MAX_BARS).reduce((a, b) => a + b, 0);
  return (
    <div className="histogram" data-testid="class-histogram" aria-label={t('classHistogram.label')}>
      {bars.map((count, i) => (
        <div key={i} className="histogram-row" data-class={classes[i]} data-count={count}>
          <span className="histogram-label">{classes[i] ?? i}</span>
          <span className="histogram-bar" style={{ width: `${(100 * count) / max}%` }} />
          <span className="histogram-count">
            {t('classHistogram.count', {
              samples: format.integer(count),
              percent: format.percent(count / total, 1),
            })}
          </span>
        </div>
      ))}
      {others > 0 && (
        <p className="hint">
          {t('classHistogram.more', {
            count: counts.length - MAX_BARS,
            samples: t('classHistogram.samples', { count: others }),
          })}
        </p>
      )}
    </div>
  );
}
