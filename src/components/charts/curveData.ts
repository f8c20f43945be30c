/**
 * Curves → the rows a recharts LineChart draws. Each series is downsampled on its own (min/max per
 * bucket, so spikes survive) and smoothed (debiased EMA, raw kept for a faint line), then the
 * series are merged into one row per x that any of them has. Pure and memoisable: a chart calls
 * this only when its series or options change, never per frame.
 */
import { downsampleMinMax, type Point } from '../../shared/runs/downsample';
import { densestSpacing, smoothEma } from '../../shared/runs/smoothing';

export interface CurveSeries {
  /** Unique within a chart: the row field holding this series' values. */
  key: string;
  label: string;
  colour: string;
  /** Validation curves are dashed, so series differ by more than colour. */
  dashed: boolean;
  /** Sorted by x. */
  points: readonly Point[];
  /**
   * Series of one group (one run's training and validation curves) are smoothed in one x unit,
   * their densest spacing; a series without a group is its own.
   */
  group?: string;
}

export interface CurveOptions {
  /** Most points drawn per series. */
  maxPoints: number;
  /** 0 (raw) … 0.99 (very smooth). */
  smoothing: number;
  /** Drop values ≤ 0 (a log axis cannot place them). */
  logScale: boolean;
  /** Only this x range (a zoom): its points are downsampled, so zooming in shows more detail. */
  range?: { from: number; to: number } | null;
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
  // One smoothing unit per run: its sparse validation curve is averaged over as much x as its
  // dense training curve, not over as many points.
  const units = options.smoothing > 0 ? smoothingUnits(series) : new Map<string, number>();
  return series.map((s) => {
    const usable = options.logScale ? s.points.filter((p) => p.y === null || p.y > 0) : s.points;
    const range = options.range ?? null;
    if (options.smoothing <= 0) {
      // The live charts' case: no smoothing, so nothing but the kept points is touched.
      const drawn = downsampleMinMax(cropToRange(usable, range), options.maxPoints).map((p) => ({
        ...p,
        raw: p.y,
      }));
      return { ...s, drawn };
    }
    // Smoothing runs over the full series, so the kept points sit on the true average; the
    // buckets still choose by the raw values, so spikes survive.
    const smoothed = smoothEma(
      usable.map((p) => p.y),
      options.smoothing,
      smoothingSpacing(usable, units.get(s.group ?? s.key)),
    );
    const paired = usable.map((p, i) => ({ x: p.x, y: p.y, smoothed: smoothed[i] ?? null }));
    // Cropped after smoothing: a zoomed range keeps the average of everything before it.
    const drawn = downsampleMinMax(cropToRange(paired, range), options.maxPoints).map((p) => ({
      x: p.x,
      y: p.smoothed,
      raw: p.y,
    }));
    return { ...s, drawn };
  });
}

/** Each group's smoothing unit: the densest spacing among its series. */
function smoothingUnits(series: readonly CurveSeries[]): Map<string, number> {
  const members = new Map<string, (readonly Point[])[]>();
  for (const s of series) {
    const group = s.group ?? s.key;
    members.set(group, [...(members.get(group) ?? []), s.points]);
  }
  const units = new Map<string, number>();
  for (const [group, points] of members) {
    const unit = densestSpacing(points);
    if (unit !== null) units.set(group, unit);
  }
  return units;
}

const smoothingSpacing = (points: readonly Point[], unit: number | undefined) =>
  unit === undefined ? undefined : { xs: points.map((p) => p.x), unit };

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

/**
 * An x range the user zoomed to. `toEnd`: it reaches the last x, so it keeps following new points
 * as a live run adds them (its `to` then grows with the data).
 */
export interface XRange {
  from: number;
  to: number;
  toEnd: boolean;
}

/** The smallest and largest x of every series; null when there is no point. */
export function xExtent(series: readonly CurveSeries[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    const first = s.points[0];
    const last = s.points.at(-1);
    if (first) min = Math.min(min, first.x);
    if (last) max = Math.max(max, last.x);
  }
  return min <= max ? { min, max } : null;
}

/** The zoom's range on data spanning `extent`: a range that follows the end ends at the last x. */
export function resolveRange(
  range: XRange | null,
  extent: { min: number; max: number } | null,
): { from: number; to: number } | null {
  if (!range || !extent) return null;
  const to = range.toEnd ? extent.max : Math.min(range.to, extent.max);
  const from = Math.max(range.from, extent.min);
  return from < to ? { from, to } : null;
}

/**
 * The points inside [from, to], with the nearest one outside on each side so that the lines run
 * on to the chart's edges instead of stopping short of them. Points are sorted by x.
 */
export function cropToRange<P extends { x: number }>(
  points: readonly P[],
  range: { from: number; to: number } | null,
): readonly P[] {
  if (!range) return points;
  let start = points.findIndex((p) => p.x >= range.from);
  if (start < 0) return points.slice(-1);
  start = Math.max(0, start - 1);
  let end = start;
  while (end < points.length && points[end]!.x <= range.to) end++;
  return points.slice(start, Math.min(points.length, end + 1));
}

/**
 * About `count` round ticks inside [from, to] (steps of 1, 2 or 5 × a power of ten), for a zoomed
 * axis: recharts would start its ticks at the range's own ends (3.76, 7.76, …).
 */
export function niceTicks(from: number, to: number, count = 5): number[] {
  const span = to - from;
  if (!(span > 0) || !Number.isFinite(span)) return [from];
  const rough = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to + step * 1e-9; tick += step) {
    // Rounded to the step's decimals, so 0.1 + 0.2 reads 0.3.
    ticks.push(Number(tick.toFixed(Math.max(0, -Math.floor(Math.log10(step))))));
  }
  return ticks;
}
