/**
 * Curves → the rows a recharts LineChart draws. Each series is downsampled on its own (min/max per
 * bucket, so spikes survive) and smoothed (debiased EMA, raw kept for a faint line), then the
 * series are merged into one row per x that any of them has. Pure and memoisable: a chart calls
 * this only when its series or options change, never per frame.
 */
import { downsampleMinMax, type Point } from '../../shared/runs/downsample';
import { smoothEma } from '../../shared/runs/smoothing';

export interface CurveSeries {
  /** Unique within a chart: the row field holding this series' values. */
  key: string;
  label: string;
  colour: string;
  /** Validation curves are dashed, so series differ by more than colour. */
  dashed: boolean;
  /** Sorted by x. */
  points: readonly Point[];
}

export interface CurveOptions {
  /** Most points drawn per series. */
  maxPoints: number;
  /** 0 (raw) … 0.99 (very smooth). */
  smoothing: number;
  /** Drop values ≤ 0 (a log axis cannot place them). */
  logScale: boolean;
}

/** One x and, per series key, its smoothed value (`key`) and raw value (`key` + RAW). */
export type CurveRow = { x: number } & Record<string, number | null>;

export const RAW = '~raw';

/** A drawn point: its value after smoothing, and the raw value for the faint line. */
export interface DrawnPoint {
  x: number;
  y: number | null;
  raw: number | null;
}

export interface PreparedSeries extends CurveSeries {
  /** The points drawn: downsampled, smoothed. */
  drawn: DrawnPoint[];
}

export function prepareSeries(
  series: readonly CurveSeries[],
  options: CurveOptions,
): PreparedSeries[] {
  return series.map((s) => {
    const usable = options.logScale ? s.points.filter((p) => p.y === null || p.y > 0) : s.points;
    if (options.smoothing <= 0) {
      // The live charts' case: no smoothing, so nothing but the kept points is touched.
      const drawn = downsampleMinMax(usable, options.maxPoints).map((p) => ({ ...p, raw: p.y }));
      return { ...s, drawn };
    }
    // Smoothing runs over the full series, so the kept points sit on the true average; the
    // buckets still choose by the raw values, so spikes survive.
    const smoothed = smoothEma(
      usable.map((p) => p.y),
      options.smoothing,
    );
    const paired = usable.map((p, i) => ({ x: p.x, y: p.y, smoothed: smoothed[i] ?? null }));
    const drawn = downsampleMinMax(paired, options.maxPoints).map((p) => ({
      x: p.x,
      y: p.smoothed,
      raw: p.y,
    }));
    return { ...s, drawn };
  });
}

/** Merges prepared series into rows sorted by x. */
export function toRows(series: readonly PreparedSeries[]): CurveRow[] {
  const rows = new Map<number, CurveRow>();
  for (const s of series) {
    for (const point of s.drawn) {
      let row = rows.get(point.x);
      if (!row) {
        row = { x: point.x } as CurveRow;
        rows.set(point.x, row);
      }
      row[s.key] = point.y;
      row[s.key + RAW] = point.raw;
    }
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}

/** The series' value at `x`: its last drawn point at or before x (null before its first). */
export function valueAt(series: PreparedSeries, x: number): number | null {
  const points = series.drawn;
  let low = 0;
  let high = points.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (points[mid]!.x <= x) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found < 0 ? null : points[found]!.y;
}
