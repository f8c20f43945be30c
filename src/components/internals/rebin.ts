/**
 * Histograms over time need one value range: each snapshot's symmetric histogram ([-r, r]) is
 * spread into common bins over [-R, R] (R = the largest r), each bin's count shared out by overlap.
 */
export function rebinSymmetric(
  counts: ArrayLike<number>,
  range: number,
  common: number,
  bins: number,
): Float32Array {
  const out = new Float32Array(bins);
  const n = counts.length;
  if (common <= 0 || range <= 0) return out;
  const width = (2 * range) / n;
  const commonWidth = (2 * common) / bins;
  for (let i = 0; i < n; i++) {
    const count = counts[i] ?? 0;
    if (count === 0) continue;
    const lo = -range + i * width;
    const hi = lo + width;
    const first = Math.max(0, Math.floor((lo + common) / commonWidth));
    const last = Math.min(bins - 1, Math.floor((hi + common) / commonWidth - 1e-9));
    for (let b = first; b <= last; b++) {
      const bLo = -common + b * commonWidth;
      const overlap = Math.min(hi, bLo + commonWidth) - Math.max(lo, bLo);
      if (overlap > 0) out[b] = (out[b] ?? 0) + (count * overlap) / width;
    }
  }
  return out;
}
