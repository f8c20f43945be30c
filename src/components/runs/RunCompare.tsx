import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { useStore } from '../../state/store';
import { LazyCurveChart } from '../charts/LazyCurveChart';
import { useThrottledValue } from '../charts/useThrottledValue';
import { downloadFile } from '../downloadFile';
import { compareSeries, curvesCsv, type CompareAxis, type CompareMetric } from './compareSeries';
import { downloadChartPng } from './downloadChartPng';
import { runColour } from './runColours';
import { useRunCurves } from './useRunCurves';
import { useRunName } from './useRunName';

/**
 * The curves of the runs ticked in the Runs panel in one recharts chart: one colour per run,
 * validation dashed; legend toggles, a tooltip with every visible run's value, zoom to an x range,
 * smoothing, a log scale for the loss, x by step, epoch or training time; CSV and PNG downloads.
 */
export function RunCompare() {
  const { t } = useTranslation();
  const nameOf = useRunName();
  const history = useThrottledValue(
    useStore((s) => s.runHistory),
    500,
  );
  const comparedIds = useStore((s) => s.comparedRuns);
  const runs = useMemo(
    () => history.filter((run) => comparedIds.includes(run.id)),
    [history, comparedIds],
  );
  const curves = useRunCurves(runs);
  const [metric, setMetric] = useState<CompareMetric>('loss');
  const [axis, setAxis] = useState<CompareAxis>('step');
  const [smoothing, setSmoothing] = useState(0);
  const [logScale, setLogScale] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const chartRef = useRef<HTMLDivElement>(null);
  const format = useFormat();
  // Steps are whole; epochs and seconds fall between whole numbers (epoch 0.73, 2.5 s).
  const formatX = useMemo(
    () =>
      axis === 'step'
        ? (x: number) => format.decimal(x, 0)
        : (x: number) => format.upTo(x, axis === 'epoch' ? 2 : 1),
    [axis, format],
  );
  const ids = { metric: useId(), axis: useId(), smoothing: useId(), log: useId() };

  const series = useMemo(
    () =>
      compareSeries(runs, curves, metric, axis, {
        name: nameOf,
        training: t('charts.training'),
        validation: t('charts.validation'),
        colour: runColour,
      }),
    [runs, curves, metric, axis, nameOf, t],
  );

  if (runs.length === 0) return <p className="hint">{t('compare.pick')}</p>;
  const axisLabel =
    axis === 'step'
      ? t('compare.byStep')
      : axis === 'epoch'
        ? t('compare.byEpoch')
        : t('compare.byTime');
  const metricLabel = metric === 'loss' ? t('charts.loss') : t('charts.accuracy');
  const description = t('compare.description', {
    metric: metricLabel,
    count: runs.length,
    axis: axisLabel,
  });
  const toggle = (key: string) =>
    setHidden((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <figure className="run-compare" data-testid="compare-chart" data-series={series.length}>
      <figcaption>{t('compare.title')}</figcaption>
      <div className="compare-controls">
        <label htmlFor={ids.metric}>{t('compare.metric')}</label>
        <select
          id={ids.metric}
          value={metric}
          onChange={(e) => setMetric(e.target.value as CompareMetric)}
        >
          <option value="loss">{t('charts.loss')}</option>
          <option value="accuracy">{t('charts.accuracy')}</option>
        </select>
        <label htmlFor={ids.axis}>{t('compare.xAxis')}</label>
        <select id={ids.axis} value={axis} onChange={(e) => setAxis(e.target.value as CompareAxis)}>
          <option value="step">{t('compare.byStep')}</option>
          <option value="epoch">{t('compare.byEpoch')}</option>
          <option value="time">{t('compare.byTime')}</option>
        </select>
        <label htmlFor={ids.smoothing} title={t('compare.smoothingHelp')}>
          {t('compare.smoothing')}
        </label>
        <input
          id={ids.smoothing}
          title={t('compare.smoothingHelp')}
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={smoothing}
          onChange={(e) => setSmoothing(Number(e.target.value))}
          aria-valuetext={smoothing.toFixed(2)}
        />
        <output htmlFor={ids.smoothing}>{smoothing.toFixed(2)}</output>
        {/* One unit, so a narrow screen never wraps the box away from its label. */}
        <span className="control-pair">
          <input
            id={ids.log}
            type="checkbox"
            checked={logScale && metric === 'loss'}
            disabled={metric !== 'loss'}
            onChange={(e) => setLogScale(e.target.checked)}
          />
          <label htmlFor={ids.log}>{t('compare.logScale')}</label>
        </span>
      </div>
      <div className="compare-legend">
        {series.map((s) => (
          <button
            key={s.key}
            type="button"
            aria-pressed={!hidden.has(s.key)}
            aria-label={t('compare.show', { name: s.label })}
            onClick={() => toggle(s.key)}
          >
            <span style={{ color: s.colour }} aria-hidden="true">
              {s.dashed ? '╍' : '━'}
            </span>{' '}
            {s.label}
          </button>
        ))}
      </div>
      <div ref={chartRef}>
        <LazyCurveChart
          series={series}
          hidden={hidden}
          xLabel={axisLabel}
          formatX={formatX}
          {...(metric === 'accuracy' ? { yDomain: [0, 1] as const } : {})}
          logScale={logScale && metric === 'loss'}
          smoothing={smoothing}
          zoomable
          height={300}
          label={description}
        />
      </div>
      <div className="compare-downloads">
        <button
          type="button"
          onClick={() =>
            downloadFile('layerlab-runs.csv', curvesCsv(runs, curves, nameOf), 'text/csv')
          }
        >
          {t('compare.downloadCsv')}
        </button>
        <button
          type="button"
          onClick={() => {
            const svg = chartRef.current?.querySelector('svg');
            if (!svg) return;
            // The picture says what it shows: the chart's description (and smoothing, which
            // changes every line), and a legend of the series shown, as the page does.
            const title =
              smoothing > 0
                ? t('compare.smoothedTitle', { description, value: smoothing.toFixed(2) })
                : description;
            const legend = series.filter((s) => !hidden.has(s.key) && s.points.length > 0);
            void downloadChartPng(svg, { title, legend }, 'layerlab-runs.png');
          }}
        >
          {t('compare.downloadPng')}
        </button>
      </div>
    </figure>
  );
}
