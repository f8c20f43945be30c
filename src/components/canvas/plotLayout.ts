import type { Rect } from './gridLayout';
import { toPixel, toValue, type Bounds, type LinearScale } from './scatterScale';

/** Room for tick labels left of and below a square 2-D plot. */
export const PLOT_MARGIN = { top: 8, right: 10, bottom: 24, left: 40 } as const;

export function plotRect(width: number, height: number): Rect {
  const m = PLOT_MARGIN;
  return {
    x: m.left,
    y: m.top,
    width: Math.max(1, width - m.left - m.right),
    height: Math.max(1, height - m.top - m.bottom),
  };
}

/** Data → pixel scales filling the plot, y growing upwards. */
export function plotScales(bounds: Bounds, plot: Rect): { x: LinearScale; y: LinearScale } {
  return {
    x: { d0: bounds.x[0], d1: bounds.x[1], r0: plot.x, r1: plot.x + plot.width },
    y: { d0: bounds.y[0], d1: bounds.y[1], r0: plot.y + plot.height, r1: plot.y },
  };
}

/** Spacing of a gridSize-point grid spanning [lo, hi] with both ends included. */
function step(range: readonly [number, number], gridSize: number): number {
  return (range[1] - range[0]) / Math.max(1, gridSize - 1);
}

/**
 * Where to draw a gridSize × gridSize image of a grid sampled at evenly spaced points from the
 * domain's start to its end inclusive: half a step beyond each edge, so every pixel's centre lands
 * on its grid point rather than the image being shifted by half a cell.
 */
export function gridImageRect(
  domain: Bounds,
  gridSize: number,
  scales: { x: LinearScale; y: LinearScale },
): Rect {
  const sx = step(domain.x, gridSize) / 2;
  const sy = step(domain.y, gridSize) / 2;
  const left = toPixel(scales.x, domain.x[0] - sx);
  const right = toPixel(scales.x, domain.x[1] + sx);
  const top = toPixel(scales.y, domain.y[1] + sy);
  const bottom = toPixel(scales.y, domain.y[0] - sy);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The grid point nearest to pixel (px, py), as its index iy * gridSize + ix (iy = 0 at the bottom),
 * with its data coordinates; null outside the sampled area.
 */
export function gridPointAt(
  domain: Bounds,
  gridSize: number,
  scales: { x: LinearScale; y: LinearScale },
  px: number,
  py: number,
): { index: number; x: number; y: number } | null {
  const x = toValue(scales.x, px);
  const y = toValue(scales.y, py);
  const ix = Math.round((x - domain.x[0]) / (step(domain.x, gridSize) || 1));
  const iy = Math.round((y - domain.y[0]) / (step(domain.y, gridSize) || 1));
  if (!(ix >= 0 && ix < gridSize && iy >= 0 && iy < gridSize)) return null;
  return { index: iy * gridSize + ix, x, y };
}
