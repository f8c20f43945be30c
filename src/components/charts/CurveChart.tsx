import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BaseTickContentProps,
  type TooltipContentProps,
} from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import type { NumberFormats } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import {
  prepareSeries,
  RAW,
  niceTicks,
  toRows,
  valueAt,
  type CurveSeries,
  type PreparedSeries,
} from './curveData';
import { ZoomRange } from './ZoomRange';
import { useZoom } from './useZoom';

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
  /** "From" and "to" sliders under the chart that zoom it to an x range. */
  zoomable?: boolean;
  height: number;
  /** Describes the chart for screen readers. */
  label: string;
  /** Vertical lines with labels: the step the timeline shows, where early stopping ended. */
  markers?: readonly ChartMarker[];
}

export interface ChartMarker {
  x: number;
  label: string;
  colour: string;
  /**
   * Where the label sits beside the line: at the top or bottom (so two close markers do not write
   * over each other), after the line or, for a line at the chart's right end, before it.
   */
  labelAt: 'topAfter' | 'topBefore' | 'bottomAfter';
}

const NO_MARKERS: readonly ChartMarker[] = [];
const LABEL_POSITION = {
  topAfter: 'insideTopLeft',
  topBefore: 'insideTopRight',
  bottomAfter: 'insideBottomLeft',
} as const;

/** Points drawn per series: enough for a smooth line at any laptop width, cheap to render. */
const MAX_POINTS = 300;
const INK = '#475569';
const GRID = '#e2e8f0';
// Props recharts compares by identity: one object for the chart's whole life, so its internal
// selectors keep their memoised results between redraws instead of recomputing every scale.
const MARGIN = { top: 10, right: 14, bottom: 4, left: 4 };
// Rounded outwards to nice numbers (0, 100, 200 … rather than 9, 99, 189 …): easier to read,
// and a live axis changes only when the data crosses the next round number.
const X_DOMAIN = ['auto', 'auto'] as const;
const AUTO_DOMAIN = ['auto', 'auto'] as const;
const RAW_DASH = '5 4';
/**
 * A series with this few points gets a dot on each (one validation pass is one point, and a line
 * needs two). Dots are reference dots, not `<Line dot>`: recharts remounts a line's dots on every
 * data change, and each remount dispatches to its store, which made every live redraw long.
 */
const DOTTED_UP_TO = 3;

/**
 * Training curves with recharts. Everything that costs is memoised on the series and options, the
 * series are downsampled to MAX_POINTS keeping spikes, animation is off, and every object or
 * function prop is stable across redraws, so a new metrics record re-renders a few hundred
 * points, not the whole history, and recharts' own selectors reuse their results.
 */
export const CurveChart = memo(function CurveChart({
  series,
  hidden,
  xLabel,
  formatX,
  yDomain,
  logScale = false,
  smoothing = 0,
  zoomable = false,
  height,
  label,
  markers = NO_MARKERS,
}: CurveChartProps) {
  const format = useFormat();
  // The tooltip exists only while a pointer is over the chart: mounted, it recomputes its
  // payload on every redraw, a cost a live chart nobody points at should not pay.
  // A finger lifts at once (touch pointers leave on pointerup), and the keyboard has no pointer:
  // a tap keeps the tooltip until the next touch elsewhere, and focus keeps it while focused.
  const [pointerInside, setPointerInside] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!pointerInside) return;
    const away = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setPointerInside(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [pointerInside]);
  const { extent, range, onZoom } = useZoom(zoomable, series, xLabel);
  // Only the zoomed range is downsampled: zooming in shows the detail the whole view thins out.
  const prepared = useMemo(
    () => prepareSeries(series, { maxPoints: MAX_POINTS, smoothing, logScale, range }),
    [series, smoothing, logScale, range],
  );
  const rows = useMemo(() => toRows(prepared), [prepared]);
  const xDomain = useMemo(() => (range ? ([range.from, range.to] as const) : X_DOMAIN), [range]);
  const xTicks = useMemo(() => (range ? niceTicks(range.from, range.to) : undefined), [range]);
  const visible = useMemo(() => prepared.filter((s) => !hidden?.has(s.key)), [prepared, hidden]);
  const tickX = useMemo(() => formatX ?? ((x: number) => format.decimal(x, 0)), [formatX, format]);
  // A log axis spans decades (0.001, 0.01, 0.1, 1): fixed decimals would write "0.000".
  const tickY = useCallback(
    (y: number) => (logScale ? format.significant(y, 3) : format.decimal(y, 3)),
    [format, logScale],
  );
  const xTick = useMemo(() => plainTick(tickX), [tickX]);
  const yTick = useMemo(() => plainTick(tickY), [tickY]);
  const xAxisLabel = useMemo(
    () => ({ value: xLabel, position: 'insideBottom' as const, offset: -2, fill: INK }),
    [xLabel],
  );
  const domainLow = yDomain?.[0];
  const domainHigh = yDomain?.[1];
  const domain = useMemo(
    () =>
      domainLow !== undefined && domainHigh !== undefined
        ? ([domainLow, domainHigh] as const)
        : AUTO_DOMAIN,
    [domainLow, domainHigh],
  );
  const tooltip = useCallback(
    (props: TooltipContentProps<ValueType, NameType>) => (
      <CurveTooltip {...props} series={visible} formatX={tickX} xLabel={xLabel} />
    ),
    [visible, tickX, xLabel],
  );
  const markerLines = useMemo(
    () =>
      markers.map((m) => (
        <ReferenceLine
          key={`${m.x}-${m.label}`}
          x={m.x}
          stroke={m.colour}
          strokeDasharray="3 3"
          ifOverflow="extendDomain"
          label={{
            value: m.label,
            position: LABEL_POSITION[m.labelAt],
            fill: m.colour,
            fontSize: 12,
          }}
        />
      )),
    [markers],
  );
  // The lines as elements, rebuilt only when the series change (not when the tooltip moves).
  const lines = useMemo(
    () => [
      ...(smoothing > 0
        ? visible.map((s) => (
            <Line
              key={s.key + RAW}
              dataKey={s.key + RAW}
              stroke={s.colour}
              strokeOpacity={0.25}
              {...(s.dashed ? { strokeDasharray: RAW_DASH } : {})}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              connectNulls
              legendType="none"
              tooltipType="none"
            />
          ))
        : []),
      ...visible.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stroke={s.colour}
          strokeWidth={2}
          {...(s.dashed ? { strokeDasharray: RAW_DASH } : {})}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      )),
      ...visible.flatMap((s) =>
        s.drawn.length > DOTTED_UP_TO
          ? []
          : s.drawn.flatMap((p) =>
              p.y === null
                ? []
                : [
                    <ReferenceDot
                      key={`${s.key}@${p.x}`}
                      x={p.x}
                      y={p.y}
                      r={3}
                      fill={s.colour}
                      stroke="none"
                    />,
                  ],
            ),
      ),
    ],
    [visible, smoothing],
  );
  return (
    <>
      <div
        className="curve-chart"
        role="img"
        aria-label={label}
        ref={box}
        onPointerEnter={() => setPointerInside(true)}
        onPointerLeave={(event) => {
          if (event.pointerType !== 'touch') setPointerInside(false);
        }}
        onFocus={() => setPointerInside(true)}
        onBlur={() => setPointerInside(false)}
      >
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={rows} margin={MARGIN}>
            {/* Horizontal lines only: enough to read a value, and half the grid to lay out. */}
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis
              dataKey="x"
              type="number"
              domain={xDomain}
              {...(xTicks ? { ticks: xTicks } : {})}
              tick={xTick}
              stroke={INK}
              label={xAxisLabel}
              height={36}
              // A fixed interval: recharts then keeps its nice ticks as they are instead of
              // measuring every label's text on every redraw to thin them.
              interval={0}
              allowDataOverflow
            />
            <YAxis
              type="number"
              scale={logScale ? 'log' : 'linear'}
              domain={domain}
              tick={yTick}
              stroke={INK}
              width={54}
              interval={0}
              allowDataOverflow
            />
            {pointerInside && <Tooltip isAnimationActive={false} content={tooltip} />}
            {lines}
            {markerLines}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {/* Outside the role="img" box: its children are hidden from screen readers. */}
      {zoomable && extent && (
        <ZoomRange
          extent={extent}
          range={range}
          onChange={onZoom}
          formatX={tickX}
          xLabel={xLabel}
        />
      )}
    </>
  );
});

/**
 * An axis label as one plain `<text>`. recharts' own tick label is a `Text` that measures each new
 * string in the DOM to wrap it (a forced layout per label), and live axes show new numbers on
 * every redraw; our labels are short numbers that never wrap.
 */
function plainTick(format: (value: number) => string) {
  return function PlainTick({
    x,
    y,
    textAnchor,
    verticalAnchor,
    fill,
    className,
    payload,
  }: BaseTickContentProps) {
    // The shift recharts' Text applies for each vertical anchor (cap height and half of it).
    const dy = verticalAnchor === 'start' ? '0.71em' : verticalAnchor === 'middle' ? '0.355em' : 0;
    return (
      <text x={x} y={y} dy={dy} textAnchor={textAnchor} fill={fill} className={className}>
        {format(Number(payload.value))}
      </text>
    );
  };
}

/** Four decimals, or four significant digits for values too small to show that way (a loss of 2e-5). */
function tooltipValue(value: number, format: NumberFormats): string {
  return value !== 0 && Math.abs(value) < 0.01
    ? format.significant(value, 4)
    : format.decimal(value, 4);
}

type CurveTooltipProps = TooltipContentProps<ValueType, NameType> & {
  series: readonly PreparedSeries[];
  formatX: (x: number) => string;
  xLabel: string;
};

/** Every visible series' value at the hovered x (its last point at or before it). */
function CurveTooltip({ active, label, series, formatX, xLabel }: CurveTooltipProps) {
  const format = useFormat();
  const { t } = useTranslation();
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
              {t('charts.tooltipValue', {
                name: s.label,
                value: value === null ? '–' : tooltipValue(value, format),
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
