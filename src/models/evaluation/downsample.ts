/**
 * Choosing what to show when there is too much: a fixed, evenly spread subset (of features,
 * neurons or samples) that does not shift between updates.
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
