/** Value ranges for colour scaling: fixed, fitted to the data, or symmetric about zero. */

export type Range = readonly [number, number];

/**
 * How a view maps values to colours: a fixed [lo, hi]; 'auto' = the data's min..max; 'symmetric'
 * = ±max|value|, so zero sits on the diverging map's white and the sign reads at a glance.
 */
export type RangeSpec = Range | 'auto' | 'symmetric';

/**
 * Min and max of `count` values read from `start` every `stride` entries (a strided walk reads one
 * channel of a channels-last tensor without copying it). NaNs are skipped; no finite value gives
 * [NaN, NaN].
 */
export function minMax(
  values: ArrayLike<number>,
  start = 0,
  count = values.length,
  stride = 1,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let n = 0, i = start; n < count && i < values.length; n++, i += stride) {
    const v = values[i] ?? NaN;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

/** The concrete range for a spec; data without finite values falls back to [0, 1] (or ±1). */
export function resolveRange(values: ArrayLike<number>, spec: RangeSpec): Range {
  if (spec !== 'auto' && spec !== 'symmetric') return spec;
  const [lo, hi] = minMax(values);
  if (spec === 'symmetric') {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return Number.isFinite(m) && m > 0 ? [-m, m] : [-1, 1];
  }
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [0, 1];
}

/**
 * A map's own range for per-map normalisation (one channel, read with a stride). A flat map gets
 * [v, v + 1], so it paints in the map's low colour: a dead ReLU channel looks dark, not mid-grey.
 */
export function ownRange(
  values: ArrayLike<number>,
  start: number,
  count: number,
  stride: number,
): Range {
  const [lo, hi] = minMax(values, start, count, stride);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}
