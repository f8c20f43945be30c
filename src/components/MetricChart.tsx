import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { useStore } from '../state/store';
import type { TrainRecord, ValidationRecord } from '../shared/protocol';
import { LineChart, type Series } from './LineChart';

type Metric = 'loss' | 'accuracy';

/** At most this many points are drawn per series; longer histories are thinned evenly. */
const MAX_POINTS = 500;

function thin<T>(points: readonly T[]): readonly T[] {
  if (points.length <= MAX_POINTS) return points;
  const stride = points.length / MAX_POINTS;
  const out: T[] = [];
  for (let i = 0; i < MAX_POINTS - 1; i++) out.push(points[Math.floor(i * stride)] as T);
  out.push(points[points.length - 1] as T);
  return out;
}

function pick(records: readonly (TrainRecord | ValidationRecord)[], metric: Metric) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const r of thin(records)) {
    const value = r[metric];
    if (value === null || !Number.isFinite(value)) continue;
    xs.push(r.step);
    ys.push(value);
  }
  return { xs, ys };
}

/** A live training + validation curve for one metric, with hover values. */
export function MetricChart({ metric }: { metric: Metric }) {
  const { t } = useTranslation();
  const format = useFormat();
  const train = useStore((s) => s.train);
  const validation = useStore((s) => s.validation);
  const trainPoints = useMemo(() => pick(train, metric), [train, metric]);
  const valPoints = useMemo(() => pick(validation, metric), [validation, metric]);
  const trainingName = t('charts.training');
  const validationName = t('charts.validation');
  const series: Series[] = useMemo(
    () => [
      { name: trainingName, color: '#2563eb', ...trainPoints, dots: false },
      {
        name: validationName,
        color: '#ea580c',
        ...valPoints,
        dots: valPoints.xs.length <= 40,
        dashed: true,
      },
    ],
    [trainPoints, valPoints, trainingName, validationName],
  );
  const title = metric === 'loss' ? t('charts.loss') : t('charts.accuracy');
  const first = trainPoints.ys[0];
  const last = trainPoints.ys.at(-1);
  const lastVal = valPoints.ys.at(-1);
  const describe = (v: number | undefined) =>
    v === undefined ? t('charts.noneYet') : format.decimal(v, 4);
  return (
    <figure
      className="chart"
      data-testid={`${metric}-chart`}
      data-points={trainPoints.xs.length}
      data-val-points={valPoints.xs.length}
      data-first={first ?? ''}
      data-last={last ?? ''}
    >
      <figcaption>
        {title}
        <span className="legend">
          {/* The marks carry the series colour; the words stay dark enough to read (WCAG AA). */}
          <span>
            <span style={{ color: '#2563eb' }} aria-hidden="true">
              ━
            </span>{' '}
            {trainingName}
          </span>
          <span>
            <span style={{ color: '#ea580c' }} aria-hidden="true">
              ╍●
            </span>{' '}
            {validationName}
          </span>
        </span>
      </figcaption>
      <LineChart
        series={series}
        xLabel={t('charts.step')}
        height={220}
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
