/**
 * Exponential moving average for noisy training curves, debiased as TensorBoard does it: without
 * the correction an average that starts at 0 would drag the first points towards 0. `weight` is
 * the slider's value: 0 leaves the curve as it is, 0.99 smooths it heavily. Gaps (null) and
 * non-finite values pass through and do not disturb the average.
 */
export function smoothEma(values: readonly (number | null)[], weight: number): (number | null)[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  if (w === 0) return values.slice();
  let average = 0;
  let seen = 0;
  return values.map((value) => {
    if (value === null || !Number.isFinite(value)) return value;
    average = average * w + (1 - w) * value;
    seen++;
    // After `seen` values the average's weights sum to 1 - w^seen; dividing removes the bias to 0.
    return average / (1 - w ** seen);
  });
}
