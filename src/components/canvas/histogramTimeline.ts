import { niceTicks } from '../chartScale';
import { formatValue } from './formatValue';
import type { GridLayout, Rect } from './gridLayout';
import type { Range } from './valueRange';

/**
 * The maths of the histogram timeline: snapshots of one layer's value histogram side by side, time
 * across and value bins upwards. Counts are coloured by log(1 + count), so a few outliers (an
 * exploding gradient) and a pile-up at zero (a vanishing one) are both visible at once.
 */

/** The largest count: the top of the log(1 + count) colour scale. */
export function maxCount(counts: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] ?? 0;
    if (c > max) max = c;
  }
  return max;
}

/** Bin `bin`'s [start, end) when `bins` equal bins cover `range`. */
export function binEdges(range: Range, bins: number, bin: number): [number, number] {
  const width = (range[1] - range[0]) / Math.max(1, bins);
  return [range[0] + bin * width, range[0] + (bin + 1) * width];
}

/** Bins run upwards, grid rows downwards. */
export function binOfRow(row: number, bins: number): number {
  return bins - 1 - row;
}

/** Round values to label the value axis, each with its height as a fraction from the bottom. */
export function valueTicks(range: Range, count = 4): { value: number; fraction: number }[] {
  const [lo, hi] = range;
  if (!(hi > lo)) return [];
  return niceTicks(lo, hi, count).map((value) => ({ value, fraction: (value - lo) / (hi - lo) }));
}

/** The hover text's layout (the UI passes it in the page's language). */
export type BinWords = (at: string, from: string, to: string, count: string) => string;

const ENGLISH_BIN: BinWords = (at, from, to, count) => `${at} · [${from}, ${to}): ${count}`;

/** The hover text: "step 120 · [-0.5, -0.25): 37". */
export function describeBin(
  step: string,
  range: Range,
  bins: number,
  bin: number,
  count: number,
  words: BinWords = ENGLISH_BIN,
) {
  const [a, b] = binEdges(range, bins, bin);
  return words(step, formatValue(a), formatValue(b), formatValue(count));
}

/** Room around the image for the value axis (title and ticks) and the time axis. */
export const TIMELINE_MARGIN = { top: 6, right: 8, bottom: 30, left: 58 } as const;

/** The image's area inside a width × height view. */
export function timelinePlot(width: number, height: number): Rect {
  const m = TIMELINE_MARGIN;
  return {
    x: m.left,
    y: m.top,
    width: Math.max(1, width - m.left - m.right),
    height: Math.max(1, height - m.top - m.bottom),
  };
}

/**
 * The image's grid: one column per snapshot, one row per bin. Cells may be fractions of a pixel
 * wide (a long run), which hit-testing handles the same.
 */
export function timelineGrid(plot: Rect, snapshots: number, bins: number): GridLayout {
  return {
    x: plot.x,
    y: plot.y,
    cellWidth: plot.width / Math.max(1, snapshots),
    cellHeight: plot.height / Math.max(1, bins),
    rows: bins,
    cols: snapshots,
  };
}

/** Snapshot indices to label along the time axis: round numbers, about one per 70 pixels. */
export function snapshotTicks(snapshots: number, plotWidth: number): number[] {
  if (snapshots <= 0) return [];
  if (snapshots === 1) return [0];
  return niceTicks(0, snapshots - 1, Math.max(2, Math.floor(plotWidth / 70))).filter(
    (t) => Number.isInteger(t) && t >= 0 && t < snapshots,
  );
}
