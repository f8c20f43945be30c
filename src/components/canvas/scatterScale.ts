/** Linear scales for 2-D plots, autoscaled bounds, and nearest-point hit-testing. */

export interface LinearScale {
  /** Domain start and end (data units). */
  readonly d0: number;
  readonly d1: number;
  /** Range start and end (CSS pixels); r1 < r0 for a y axis that grows upwards. */
  readonly r0: number;
  readonly r1: number;
}

export function toPixel(scale: LinearScale, value: number): number {
  const span = scale.d1 - scale.d0;
  return scale.r0 + ((value - scale.d0) / (span || 1)) * (scale.r1 - scale.r0);
}

export function toValue(scale: LinearScale, pixel: number): number {
  const span = scale.r1 - scale.r0;
  return scale.d0 + ((pixel - scale.r0) / (span || 1)) * (scale.d1 - scale.d0);
}

export interface Bounds {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/**
 * The x and y extents of `count` interleaved (x, y) points, widened by `margin` of the span on each
 * side so no point sits on the frame. A flat extent grows by ±0.5 and no points give [-1, 1].
 */
export function pointBounds(points: ArrayLike<number>, count: number, margin = 0.05): Bounds {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = points[2 * i] ?? NaN;
    const y = points[2 * i + 1] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const pad = (lo: number, hi: number): [number, number] => {
    if (!(lo <= hi)) return [-1, 1];
    if (lo === hi) return [lo - 0.5, hi + 0.5];
    const m = (hi - lo) * margin;
    return [lo - m, hi + m];
  };
  return { x: pad(x0, x1), y: pad(y0, y1) };
}

/**
 * The index of the point drawn nearest to pixel (px, py) within `maxDistance` pixels, or -1. A
 * linear scan: a few thousand points cost well under a millisecond per pointer move.
 */
export function nearestPoint(
  points: ArrayLike<number>,
  count: number,
  xScale: LinearScale,
  yScale: LinearScale,
  px: number,
  py: number,
  maxDistance: number,
): number {
  let best = -1;
  let bestD2 = maxDistance * maxDistance;
  for (let i = 0; i < count; i++) {
    const dx = toPixel(xScale, points[2 * i] ?? NaN) - px;
    const dy = toPixel(yScale, points[2 * i + 1] ?? NaN) - py;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD2) {
      best = i;
      bestD2 = d2;
    }
  }
  return best;
}

/** The number of classes among the first `count` labels: one more than the largest id. */
export function classCount(classes: ArrayLike<number> | undefined, count: number): number {
  let top = -1;
  for (let i = 0; classes && i < count && i < classes.length; i++) {
    top = Math.max(top, classes[i] ?? -1);
  }
  return top + 1;
}
