import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { useStore } from '../state/store';
import { LazyCurveChart } from './charts/LazyCurveChart';
import { useThrottledValue } from './charts/useThrottledValue';
import type { CurveSeries } from './charts/curveData';
import type { ChartMarker } from './charts/CurveChart';
import { earlyStopMarks } from './charts/earlyStopMarks';
import { recordPoints } from './charts/recordPoints';

type Metric = 'loss' | 'accuracy';

/** The most often a live curve redraws. */
const CHART_INTERVAL_MS = 500;
/**
 * The accuracy chart redraws this long after the loss chart: the same records reach both at
 * once, and two recharts renders in one task would make it long enough to stall the page.
 */
const STAGGER_MS: Record<Metric, number> = { loss: 0, accuracy: 120 };
const TRAIN_COLOUR = '#2563eb';
const VALIDATION_COLOUR = '#ea580c';
// Marker colours dark enough for their labels to read on white (WCAG AA).
const REWIND_COLOUR = '#6d28d9';
const STOP_COLOUR = '#b91c1c';
const BEST_COLOUR = '#15803d';

/** A live training + validation curve for one metric, with hover values. */
export function MetricChart({ metric }: { metric: Metric }) {
  const { t } = useTranslation();
  const format = useFormat();
  // A few chart updates a second are plenty to watch; every record would re-render for nothing.
  const train = useThrottledValue(
    useStore((s) => s.train),
    CHART_INTERVAL_MS,
    STAGGER_MS[metric],
  );
  const validation = useThrottledValue(
    useStore((s) => s.validation),
    CHART_INTERVAL_MS,
    STAGGER_MS[metric],
  );
  // Time travel: the step the internals views show, marked on the curves.
  const rewoundStep = useStore((s) => s.probeSettings.rewind?.step ?? null);
  const stepLabel = t('timeline.marker', { step: rewoundStep ?? 0 });
  // Early stopping: where it stopped, and the best epoch it kept (or restored).
  const phaseMessage = useStore((s) => s.phaseMessage);
  const stop = useMemo(() => earlyStopMarks(phaseMessage, validation), [phaseMessage, validation]);
  const stopLabel = t('charts.stoppedEarly');
  const bestLabel = stop?.restored ? t('charts.bestRestored') : t('charts.best');
  const markers = useMemo(() => {
    const list: ChartMarker[] = [];
    if (stop) {
      // The stop is the curve's last step: its label goes before the line, inside the chart.
      list.push({ x: stop.stop, label: stopLabel, colour: STOP_COLOUR, labelAt: 'topBefore' });
      if (stop.best !== null) {
        list.push({ x: stop.best, label: bestLabel, colour: BEST_COLOUR, labelAt: 'bottomAfter' });
      }
    }
    if (rewoundStep !== null) {
      list.push({ x: rewoundStep, label: stepLabel, colour: REWIND_COLOUR, labelAt: 'topAfter' });
    }
    return list;
  }, [stop, stopLabel, bestLabel, rewoundStep, stepLabel]);
  const trainPoints = useMemo(() => recordPoints(train, (r) => r[metric]), [train, metric]);
  const valPoints = useMemo(() => recordPoints(validation, (r) => r[metric]), [validation, metric]);
  const trainingName = t('charts.training');
  const validationName = t('charts.validation');
  const series: CurveSeries[] = useMemo(
    () => [
      {
        key: 'train',
        label: trainingName,
        colour: TRAIN_COLOUR,
        dashed: false,
        points: trainPoints,
      },
      {
        key: 'validation',
        label: validationName,
        colour: VALIDATION_COLOUR,
        dashed: true,
        points: valPoints,
      },
    ],
    [trainPoints, valPoints, trainingName, validationName],
  );
  const title = metric === 'loss' ? t('charts.loss') : t('charts.accuracy');
  const first = trainPoints[0]?.y ?? undefined;
  const last = trainPoints.at(-1)?.y ?? undefined;
  const lastVal = valPoints.at(-1)?.y ?? undefined;
  const describe = (v: number | undefined) =>
    v === undefined ? t('charts.noneYet') : format.decimal(v, 4);
  return (
    <figure
      className="chart"
      data-testid={`${metric}-chart`}
      data-points={trainPoints.length}
      data-val-points={valPoints.length}
      data-first={first ?? ''}
      data-last={last ?? ''}
      data-early-stop={stop ? stop.stop : ''}
      data-best={stop?.best ?? ''}
    >
      <figcaption>
        {title}
        <span className="legend">
          {/* The marks carry the series colour; the words stay dark enough to read (WCAG AA). */}
          <span>
            <span style={{ color: TRAIN_COLOUR }} aria-hidden="true">
              ━
            </span>{' '}
            {trainingName}
          </span>
          <span>
            <span style={{ color: VALIDATION_COLOUR }} aria-hidden="true">
              ╍●
            </span>{' '}
            {validationName}
          </span>
        </span>
      </figcaption>
      <LazyCurveChart
        series={series}
        xLabel={t('charts.step')}
        height={220}
        markers={markers}
        {...(metric === 'accuracy' ? { yDomain: [0, 1] as const } : {})}
        label={t('charts.description', {
          title,
          train: describe(last),
          validation: describe(lastVal),
        })}
      />
    </figure>
  );
}
