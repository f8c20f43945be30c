/**
 * Histograms and summary statistics of weights, activations and gradients, for the views that show
 * vanishing or exploding gradients layer by layer over training. Non-finite values (a diverged
 * step) are counted apart rather than poisoning the numbers.
 */

export interface Histogram {
  /** [bins] values per bin. Bin i is [edges[i], edges[i+1]); the last also takes edges[bins]. */
  counts: Int32Array;
  /** [bins + 1] bin edges, ascending; edges[0] and edges[bins] are the range. */
  edges: Float64Array;
  /** Smallest and largest finite value seen (in range or not); both 0 when there is none. */
  min: number;
  max: number;
  /** Finite values below / above an explicit range, left out of `counts`. */
  below: number;
  above: number;
  /** NaN and ±Infinity, left out of everything else. */
  nonFinite: number;
}

export interface SummaryStats {
  /** Finite values the other fields describe. */
  count: number;
  mean: number;
  /** Population standard deviation (divides by count): these describe the whole tensor. */
  std: number;
  min: number;
  max: number;
  /** √Σv², computed with scaling so that large values cannot overflow. */
  l2norm: number;
  /** NaN and ±Infinity, left out of everything else. */
  nonFinite: number;
}

/**
 * Counts values into `bins` equal-width bins.
 *
 * @param range [low, high] to bin over; values outside are counted in `below`/`above`. Without it
 *   the finite min and max are used. A zero-width range is widened to ±0.5 around its value (as
 *   numpy does), and with no finite values at all the range is [0, 1], so the edges are always
 *   usable for drawing.
 * @example histogram(gradients, 40, symmetricRange(gradients))
 */
export function histogram(
  values: ArrayLike<number>,
  bins: number,
  range?: [number, number],
): Histogram {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`bins is ${bins}; it must be a positive integer.`);
  }
  if (range && !(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] <= range[1])) {
    throw new RangeError(`range is [${range[0]}, ${range[1]}]; it must be finite with low ≤ high.`);
  }

  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const anyFinite = min <= max;

  let [low, high] = range ?? (anyFinite ? [min, max] : [0, 1]);
  if (low === high) {
    low -= 0.5;
    high += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = low + ((high - low) * i) / bins;
  edges[bins] = high; // exact, whatever the rounding above

  const counts = new Int32Array(bins);
  let below = 0;
  let above = 0;
  const scale = bins / (high - low);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < low) {
      below++;
      continue;
    }
    if (v > high) {
      above++;
      continue;
    }
    let bin = Math.min(Math.floor((v - low) * scale), bins - 1);
    // The division can round across an edge; settle on the bin the reported edges say.
    if (v < (edges[bin] as number)) bin--;
    else if (bin + 1 < bins && v >= (edges[bin + 1] as number)) bin++;
    counts[bin] = (counts[bin] as number) + 1;
  }

  return {
    counts,
    edges,
    min: anyFinite ? min : 0,
    max: anyFinite ? max : 0,
    below,
    above,
    nonFinite,
  };
}

/**
 * [−m, m] with m the largest finite |value|, at least `floor`: zero sits in the middle, so a
 * gradient's sign balance is visible, and an all-zero (vanished) gradient still gets a range.
 */
export function symmetricRange(values: ArrayLike<number>, floor = 1e-12): [number, number] {
  let largest = floor;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i] as number);
    if (magnitude > largest && magnitude !== Infinity) largest = magnitude; // NaN fails `>`
  }
  return [-largest, largest];
}

/** Mean, spread, extremes and L2 norm of the finite values; all 0 when there is none. */
export function summaryStats(values: ArrayLike<number>): SummaryStats {
  let count = 0;
  let mean = 0;
  let squaredDeviations = 0; // Welford's running sum, stable where Σv² − n·mean² would cancel
  let min = Infinity;
  let max = -Infinity;
  let largest = 0;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    count++;
    const delta = v - mean;
    mean += delta / count;
    squaredDeviations += delta * (v - mean);
    if (v < min) min = v;
    if (v > max) max = v;
    largest = Math.max(largest, Math.abs(v));
  }
  if (count === 0) return { count, mean: 0, std: 0, min: 0, max: 0, l2norm: 0, nonFinite };

  // √Σv² = largest · √Σ(v/largest)²: each term ≤ 1, so the sum cannot overflow.
  let scaledSquares = 0;
  if (largest > 0) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (Number.isFinite(v)) scaledSquares += (v / largest) ** 2;
    }
  }
  return {
    count,
    mean,
    std: Math.sqrt(Math.max(squaredDeviations, 0) / count),
    min,
    max,
    l2norm: largest * Math.sqrt(scaledSquares),
    nonFinite,
  };
}
