/**
 * Choosing what to show when there is too much: a fixed subset of feature maps, neurons or samples,
 * and a feature map scaled to [0, 1] for drawing as a greyscale image.
 */

/**
 * `count` indices spread evenly over 0..total−1, ascending and distinct, always including the
 * first and (for count ≥ 2) the last. Integer arithmetic, so the subset never shifts between
 * updates or machines. All indices when count ≥ total; [0] when count = 1.
 *
 * @returns Int32Array [min(count, total)].
 * @example evenlySpaced(10, 4) // → [0, 3, 6, 9]
 */
export function evenlySpaced(total: number, count: number): Int32Array {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`total is ${total}; it must be a non-negative integer.`);
  }
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count is ${count}; it must be a non-negative integer.`);
  }
  const size = Math.min(count, total);
  const out = new Int32Array(size);
  if (size === 1) return out; // [0]
  if (size === total) {
    for (let i = 0; i < size; i++) out[i] = i;
    return out;
  }
  // round(i·(total−1)/(size−1)), half up, in integers. The step is > 1, so the indices are
  // distinct.
  const span = total - 1;
  const steps = size - 1;
  for (let i = 0; i < size; i++) out[i] = Math.floor((2 * i * span + steps) / (2 * steps));
  return out;
}

export interface UnitMap {
  /** [length] values scaled so that min → 0 and max → 1. */
  values: Float32Array;
  /** The finite extremes used for the scaling (0 and 0 when there is no finite value). */
  min: number;
  max: number;
}

/**
 * Scales the contiguous run values[from .. from+length) to [0, 1] for display: one feature map of a
 * [C, H, W] readback (from = c·H·W, length = H·W), one [T, T] attention map, one filter. A
 * constant map becomes 0.5 (mid-grey, so it reads as "flat", not as "all off"). Non-finite values
 * do not move min/max: +Infinity shows as 1, and −Infinity and NaN as 0.
 */
export function normalizeToUnit(values: ArrayLike<number>, from: number, length: number): UnitMap {
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(length) || length < 0) {
    throw new RangeError(`from (${from}) and length (${length}) must be non-negative integers.`);
  }
  if (from + length > values.length) {
    throw new RangeError(
      `from + length is ${from + length}, past the end of values (${values.length} entries).`,
    );
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < from + length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max)) {
    min = 0;
    max = 0;
  }

  const out = new Float32Array(length);
  const width = max - min;
  for (let i = 0; i < length; i++) {
    const v = values[from + i] as number;
    if (v === Infinity) out[i] = 1;
    else if (!Number.isFinite(v)) out[i] = 0;
    else if (width === 0) out[i] = 0.5;
    else out[i] = (v - min) / width;
  }
  return { values: out, min, max };
}
