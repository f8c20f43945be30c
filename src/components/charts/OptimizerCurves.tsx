import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_NS } from '../../i18n/training/namespace';
import '../../i18n/training/register';
import { isScheduled } from '../../models/schedules';
import { useStore } from '../../state/store';
import type { CurveSeries } from './curveData';
import { LazyCurveChart } from './LazyCurveChart';
import { recordPoints } from './recordPoints';
import { useThrottledValue } from './useThrottledValue';

/** As the loss and accuracy charts: a few redraws a second, after theirs. */
const INTERVAL_MS = 500;
const STAGGER_MS = 240;
const RATE_COLOUR = '#7c3aed';
const NORM_COLOUR = '#0f766e';

/**
 * The learning rate each step used (when a schedule or a live change moves it) and the gradient
 * norm (when it is recorded), as two small curves under the loss and accuracy. Nothing for a
 * constant rate without a recorded norm.
 */
export function OptimizerCurves() {
  const { t } = useTranslation(TRAINING_NS);
  const train = useThrottledValue(
    useStore((s) => s.train),
    INTERVAL_MS,
    STAGGER_MS,
  );
  const scheduled = useStore((s) => isScheduled(s.training.schedule));
  const rates = useMemo(() => recordPoints(train, (r) => r.learningRate), [train]);
  const norms = useMemo(() => recordPoints(train, (r) => r.gradientNorm), [train]);
  // A rate changed by hand while training shows as a step in the curve, schedule or not.
  const rateMoved = scheduled || rates.some((p) => p.y !== rates[0]?.y);
  const rateTitle = t('charts.rate');
  const normTitle = t('charts.gradNorm');
  const rateSeries: CurveSeries[] = useMemo(
    () => [{ key: 'rate', label: rateTitle, colour: RATE_COLOUR, dashed: false, points: rates }],
    [rates, rateTitle],
  );
  const normSeries: CurveSeries[] = useMemo(
    () => [{ key: 'norm', label: normTitle, colour: NORM_COLOUR, dashed: false, points: norms }],
    [norms, normTitle],
  );
  if ((!rateMoved || rates.length === 0) && norms.length === 0) return null;
  return (
    <div className="charts optimizer-curves">
      {rateMoved && rates.length > 0 && (
        <figure className="chart" data-testid="rate-chart" data-points={rates.length}>
          <figcaption>{rateTitle}</figcaption>
          <LazyCurveChart
            series={rateSeries}
            xLabel={t('charts.step')}
            height={140}
            label={t('charts.rateLabel', { rate: rates.at(-1)?.y ?? 0 })}
          />
        </figure>
      )}
      {norms.length > 0 && (
        <figure className="chart" data-testid="grad-norm-chart" data-points={norms.length}>
          <figcaption>{normTitle}</figcaption>
          <LazyCurveChart
            series={normSeries}
            xLabel={t('charts.step')}
            height={140}
            label={t('charts.gradNormLabel', { norm: norms.at(-1)?.y ?? 0 })}
          />
        </figure>
      )}
    </div>
  );
}
