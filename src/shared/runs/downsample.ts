/**
 * Fewer points for a chart, without hiding spikes. A curve of 50,000 steps is drawn with a few
 * hundred points: the x range is cut into equal buckets and each bucket keeps its lowest and its
 * highest point (in x order), so a loss spike or a sudden drop survives at any zoom — unlike taking
 * every n-th point or averaging. The first and last points are always kept.
 */

export interface Point {
  x: number;
  /** Null marks a gap (e.g. no validation at that step). */
  y: number | null;
}

/**
 * At most about `maxPoints` points of `points` (sorted by x). Gaps (null y) are kept as one point
 * per bucket so the line still breaks there. Returns the input itself when it is already small.
 */
export function downsampleMinMax<P extends Point>(
  points: readonly P[],
  maxPoints: number,
): readonly P[] {
  if (points.length <= maxPoints || maxPoints < 4) return points;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const span = last.x - first.x || 1;
  const kept: P[] = [first];
  let index = 1;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const end = first.x + (span * (bucket + 1)) / buckets;
    let low: P | null = null;
    let high: P | null = null;
    let gap: P | null = null;
    for (; index < points.length - 1 && points[index]!.x <= end; index++) {
      const point = points[index]!;
      if (point.y === null || !Number.isFinite(point.y)) {
        gap ??= point;
        continue;
      }
      if (low === null || point.y < low.y!) low = point;
      if (high === null || point.y > high.y!) high = point;
    }
    const chosen = [low, high, gap].filter((p): p is P => p !== null);
    chosen.sort((a, b) => a.x - b.x);
    for (const point of chosen) if (kept[kept.length - 1] !== point) kept.push(point);
  }
  kept.push(last);
  return kept;
}
