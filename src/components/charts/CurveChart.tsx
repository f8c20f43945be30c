import { memo, useMemo } from 'react';
import {
  Brush,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import { useFormat } from '../../i18n/useFormat';
import {
  prepareSeries,
  RAW,
  toRows,
  valueAt,
  type CurveSeries,
  type PreparedSeries,
} from './curveData';

export interface CurveChartProps {
  series: readonly CurveSeries[];
  /** Keys of series the user switched off in the legend. */
  hidden?: ReadonlySet<string>;
  xLabel: string;
  /** How an x value reads on the axis and in the tooltip (steps, epochs, seconds). */
  formatX?: (x: number) => string;
  /** A fixed y range (accuracy: [0, 1]); otherwise fitted to the data. */
  yDomain?: readonly [number, number];
  logScale?: boolean;
  /** 0 … 0.99: debiased EMA; the raw line stays, faint. */
  smoothing?: number;
  /** A brush under the chart to zoom to an x range. */
  brush?: boolean;
  height: number;
  /** Describes the chart for screen readers. */
  label: string;
  /** A vertical line at this x with its label (the step the timeline shows). */
  marker?: { x: number; label: string } | null;
}

/** Points drawn per series: enough for a smooth line at any laptop width, cheap to render. */
const MAX_POINTS = 300;
const INK = '#475569';
const GRID = '#e2e8f0';

/**
 * Training curves with recharts. Everything that costs is memoised on the series and options, the
 * series are downsampled to MAX_POINTS keeping spikes, and animation is off, so a new metrics
 * record re-renders a few hundred points, not the whole history.
 */
export const CurveChart = memo(function CurveChart({
  series,
  hidden,
  xLabel,
  formatX,
  yDomain,
  logScale = false,
  smoothing = 0,
  brush = false,
  height,
  label,
  marker = null,
}: CurveChartProps) {
  const format = useFormat();
  const prepared = useMemo(
    () => prepareSeries(series, { maxPoints: MAX_POINTS, smoothing, logScale }),
    [series, smoothing, logScale],
  );
  const rows = useMemo(() => toRows(prepared), [prepared]);
  const visible = prepared.filter((s) => !hidden?.has(s.key));
  const tickX = formatX ?? ((x: number) => format.decimal(x, 0));
  const sparse = (s: PreparedSeries) => s.drawn.length <= 40;
  return (
    <div className="curve-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 10, right: 14, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={tickX}
            stroke={INK}
            label={{ value: xLabel, position: 'insideBottom', offset: -2, fill: INK }}
            height={36}
            allowDataOverflow
          />
          <YAxis
            type="number"
            scale={logScale ? 'log' : 'linear'}
            domain={yDomain ? [yDomain[0], yDomain[1]] : ['auto', 'auto']}
            tickFormatter={(y: number) => format.decimal(y, 3)}
            stroke={INK}
            width={54}
            allowDataOverflow
          />
          <Tooltip
            isAnimationActive={false}
            content={(props: TooltipContentProps<ValueType, NameType>) => (
              <CurveTooltip {...props} series={visible} formatX={tickX} xLabel={xLabel} />
            )}
          />
          {smoothing > 0 &&
            visible.map((s) => (
              <Line
                key={s.key + RAW}
                dataKey={s.key + RAW}
                stroke={s.colour}
                strokeOpacity={0.25}
                {...(s.dashed ? { strokeDasharray: '5 4' } : {})}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
                connectNulls
                legendType="none"
                tooltipType="none"
              />
            ))}
          {visible.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.colour}
              strokeWidth={2}
              {...(s.dashed ? { strokeDasharray: '5 4' } : {})}
              dot={sparse(s) ? { r: 2.5, fill: s.colour } : false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
          {marker && (
            <ReferenceLine
              x={marker.x}
              stroke="#7c3aed"
              strokeDasharray="3 3"
              ifOverflow="extendDomain"
              label={{
                value: marker.label,
                position: 'insideTopLeft',
                fill: '#5b21b6',
                fontSize: 12,
              }}
            />
          )}
          {brush && rows.length > 2 && (
            <Brush dataKey="x" height={22} stroke={INK} tickFormatter={tickX} travellerWidth={8} />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

type CurveTooltipProps = TooltipContentProps<ValueType, NameType> & {
  series: readonly PreparedSeries[];
  formatX: (x: number) => string;
  xLabel: string;
};

/** Every visible series' value at the hovered x (its last point at or before it). */
function CurveTooltip({ active, label, series, formatX, xLabel }: CurveTooltipProps) {
  const format = useFormat();
  if (!active || typeof label !== 'number') return null;
  return (
    <div className="curve-tooltip">
      <div className="curve-tooltip-x">
        {xLabel} {formatX(label)}
      </div>
      <ul>
        {series.map((s) => {
          const value = valueAt(s, label);
          return (
            <li key={s.key}>
              <span style={{ color: s.colour }} aria-hidden="true">
                {s.dashed ? '╍' : '━'}
              </span>{' '}
              {s.label}: {value === null ? '–' : format.decimal(value, 4)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
