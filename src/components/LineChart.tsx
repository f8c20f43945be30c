import { useEffect, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { formatTick, nearestIndex, niceTicks, paddedDomain } from './chartScale';

export interface Series {
  name: string;
  color: string;
  xs: readonly number[];
  ys: readonly number[];
  /** Draw a dot on every point (for sparse series such as per-epoch validation). */
  dots: boolean;
  /** A dashed line, so that series differ by more than colour. */
  dashed?: boolean;
}

interface Props {
  series: readonly Series[];
  xLabel: string;
  /** A fixed y range (accuracy: [0, 1]); otherwise fitted to the data. */
  yDomain?: readonly [number, number];
  height: number;
  /** Describes the chart for screen readers. */
  label: string;
}

const MARGIN = { top: 10, right: 14, bottom: 34, left: 50 };
const INK = '#475569';
const GRID = '#e2e8f0';

/**
 * A small line chart drawn on a canvas: axes with round ticks, one line per series, dots for sparse
 * series, and hover values. Replaces an SVG chart library whose full re-render on every metrics
 * record took 60–130 ms of main-thread time on a school-laptop-class machine (see BENCHMARKS.md).
 * Redraws at most once per animation frame.
 */
export function LineChart({ series, xLabel, yDomain, height, label }: Props) {
  const wrapper = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const format = useFormat();
  const [width, setWidth] = useState(0);
  const [hoverX, setHoverX] = useState<number | null>(null);

  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.floor(entry?.contentRect.width ?? 0)),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const allX = series.flatMap((s) => s.xs);
  const xMax = Math.max(1, ...allX);
  const [yMin, yMax] = paddedDomain(
    series.flatMap((s) => s.ys as number[]),
    yDomain,
  );
  const plotW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const toPx = (x: number) => MARGIN.left + (x / xMax) * plotW;
  const toPy = (y: number) => MARGIN.top + (1 - (y - yMin) / (yMax - yMin || 1)) * plotH;

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const c = canvas.current;
      const ctx = c?.getContext('2d');
      if (!c || !ctx || width === 0) return;
      const dpr = window.devicePixelRatio || 1;
      c.width = width * dpr;
      c.height = height * dpr;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.font = '11px system-ui, sans-serif';
      ctx.lineWidth = 1;
      // Grid and y ticks.
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const t of niceTicks(yMin, yMax)) {
        const py = toPy(t);
        ctx.strokeStyle = GRID;
        ctx.beginPath();
        ctx.moveTo(MARGIN.left, py);
        ctx.lineTo(MARGIN.left + plotW, py);
        ctx.stroke();
        ctx.fillStyle = INK;
        ctx.fillText(formatTick(t), MARGIN.left - 6, py);
      }
      // x ticks.
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const t of niceTicks(0, xMax, Math.max(2, Math.floor(plotW / 70)))) {
        const px = toPx(t);
        ctx.strokeStyle = GRID;
        ctx.beginPath();
        ctx.moveTo(px, MARGIN.top);
        ctx.lineTo(px, MARGIN.top + plotH);
        ctx.stroke();
        ctx.fillStyle = INK;
        ctx.fillText(formatTick(t), px, MARGIN.top + plotH + 5);
      }
      ctx.fillText(xLabel, MARGIN.left + plotW / 2, height - 14);
      // Axes.
      ctx.strokeStyle = INK;
      ctx.beginPath();
      ctx.moveTo(MARGIN.left, MARGIN.top);
      ctx.lineTo(MARGIN.left, MARGIN.top + plotH);
      ctx.lineTo(MARGIN.left + plotW, MARGIN.top + plotH);
      ctx.stroke();
      // Series.
      for (const s of series) {
        ctx.strokeStyle = s.color;
        ctx.fillStyle = s.color;
        ctx.lineWidth = 2;
        ctx.setLineDash(s.dashed ? [6, 4] : []);
        ctx.beginPath();
        s.xs.forEach((x, i) => {
          const px = toPx(x);
          const py = toPy(s.ys[i] ?? 0);
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
        ctx.stroke();
        ctx.setLineDash([]);
        if (s.dots) {
          s.xs.forEach((x, i) => {
            ctx.beginPath();
            ctx.arc(toPx(x), toPy(s.ys[i] ?? 0), 2.5, 0, 2 * Math.PI);
            ctx.fill();
          });
        }
      }
      if (hoverX !== null) {
        ctx.strokeStyle = '#94a3b8';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(toPx(hoverX), MARGIN.top);
        ctx.lineTo(toPx(hoverX), MARGIN.top + plotH);
        ctx.stroke();
      }
    });
    return () => cancelAnimationFrame(frame);
  });

  // Hover: the nearest point of each series to the pointer's x.
  const hovered =
    hoverX === null
      ? []
      : series.flatMap((s) => {
          const i = nearestIndex(s.xs, hoverX);
          return i < 0 ? [] : [{ name: s.name, color: s.color, x: s.xs[i] ?? 0, y: s.ys[i] ?? 0 }];
        });

  return (
    <div
      ref={wrapper}
      className="line-chart"
      style={{ height }}
      onPointerMove={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const x = ((e.clientX - box.left - MARGIN.left) / plotW) * xMax;
        setHoverX(allX.length === 0 || x < 0 || x > xMax ? null : x);
      }}
      onPointerLeave={() => setHoverX(null)}
    >
      <canvas ref={canvas} role="img" aria-label={label} style={{ width: '100%', height }} />
      {hovered.length > 0 && hoverX !== null && (
        <div
          className="chart-tooltip"
          data-testid="chart-tooltip"
          style={{ left: Math.min(toPx(hoverX) + 10, Math.max(0, width - 150)), top: MARGIN.top }}
        >
          {hovered.map((h) => (
            <div key={h.name} style={{ color: h.color }}>
              <Trans
                i18nKey="charts.tooltip"
                values={{ name: h.name, step: h.x, value: format.decimal(h.y, 4) }}
                components={{ b: <strong /> }}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
