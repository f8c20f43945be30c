/**
 * The two inner loops PCA spends its time in, on float64 row-major arrays.
 */

/** Dot product of two length-n slices; four accumulators let the CPU overlap the multiplies. */
export function dot(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  length: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    s0 += (a[aOffset + i] as number) * (b[bOffset + i] as number);
    s1 += (a[aOffset + i + 1] as number) * (b[bOffset + i + 1] as number);
    s2 += (a[aOffset + i + 2] as number) * (b[bOffset + i + 2] as number);
    s3 += (a[aOffset + i + 3] as number) * (b[bOffset + i + 3] as number);
  }
  for (; i < length; i++) s0 += (a[aOffset + i] as number) * (b[bOffset + i] as number);
  return s0 + s1 + s2 + s3;
}

/**
 * Every pairwise dot product of the rows of `a`, divided by `divisor`:
 * [count, length] → [count, count] symmetric (A·Aᵀ / divisor). Each product is computed once and
 * mirrored.
 */
export function rowCrossProducts(
  a: Float64Array,
  count: number,
  length: number,
  divisor: number,
): Float64Array {
  const out = new Float64Array(count * count);
  for (let i = 0; i < count; i++) {
    for (let j = i; j < count; j++) {
      const value = dot(a, i * length, a, j * length, length) / divisor;
      out[i * count + j] = value;
      out[j * count + i] = value;
    }
  }
  return out;
}
