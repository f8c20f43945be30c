/**
 * Exponential moving average for noisy training curves, debiased as TensorBoard does it: without
 * the correction an average that starts at 0 would drag the first points towards 0. `weight` is
 * the slider's value: 0 leaves the curve as it is, 0.99 smooths it heavily. Gaps (null) and
 * non-finite values pass through and do not disturb the average.
 *
 * Why x matters: TensorBoard decays the average once per point, so a validation curve with one
 * point per epoch, smoothed at 0.9, averages over ~10 epochs while the training curve beside it
 * averages over ~10 steps, and the validation minimum (where overfitting starts) shows up
 * epochs late. Given the points' `xs` and a `unit` (the x spacing one decay stands for, the
 * densest curve's spacing), a point `gap` away decays the average by weight^(gap / unit), so
 * every curve in a chart is averaged over the same stretch of x.
 */
export function smoothEma(
  values: readonly (number | null)[],
  weight: number,
  spacing?: { xs: readonly number[]; unit: number },
): (number | null)[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  if (w === 0) return values.slice();
  const unit = spacing && spacing.unit > 0 ? spacing.unit : null;
  let average = 0;
  // The total weight the average's terms carry: 1 - w^n for n evenly spaced points.
  let total = 0;
  let previousX: number | null = null;
  return values.map((value, i) => {
    if (value === null || !Number.isFinite(value)) return value;
    const x = unit === null ? null : (spacing!.xs[i] ?? null);
    const gap = x !== null && previousX !== null ? x - previousX : 0;
    // A point at the same x as the one before (or out of order) counts as one ordinary step.
    const decay = unit !== null && gap > 0 ? w ** (gap / unit) : w;
    previousX = x;
    average = average * decay + (1 - decay) * value;
    total = total * decay + (1 - decay);
    // Dividing by the weight carried removes the bias towards the starting 0.
    return average / total;
  });
}

/**
 * The x spacing of the densest series: the mean gap between its first and last point. A chart
 * smooths every series in this unit (see smoothEma). Null when no series has two points.
 */
export function densestSpacing(series: readonly (readonly { x: number }[])[]): number | null {
  let best: number | null = null;
  for (const points of series) {
    if (points.length < 2) continue;
    const spacing = (points.at(-1)!.x - points[0]!.x) / (points.length - 1);
    if (spacing > 0 && (best === null || spacing < best)) best = spacing;
  }
  return best;
}
