import type { Point } from '../../shared/runs/downsample';

/** One number of each record as chart points by step; missing and non-finite values are left out. */
export function recordPoints<R extends { step: number }>(
  records: readonly R[],
  value: (record: R) => number | null | undefined,
): Point[] {
  const points: Point[] = [];
  for (const r of records) {
    const y = value(r);
    if (y !== null && y !== undefined && Number.isFinite(y)) points.push({ x: r.step, y });
  }
  return points;
}
