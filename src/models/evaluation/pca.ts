/**
 * Principal component analysis for the live "internals" scatter of a layer's activations.
 *
 * Method: centre the data, then take the top eigenpairs of the smaller of two matrices with the
 * same non-zero spectrum — the covariance Xᵀ·X/(rows−1) [columns, columns], or, when there are
 * fewer rows than columns, the Gram matrix X·Xᵀ/(rows−1) [rows, rows], whose eigenvector u maps to
 * the component Xᵀ·u/‖Xᵀ·u‖. So the eigen-solve is at most min(rows, columns)², and
 * `topEigenpairs` only iterates for the few components asked. All arithmetic is in float64.
 *
 * Determinism: the solver's start block is fixed, and each component's sign is chosen so that its
 * largest-magnitude loading is positive (or, given `alignTo`, so that it points the same way as the
 * previous update's component), so the scatter does not mirror itself between updates.
 */
import { topEigenpairs } from './topEigenpairs';
import { rowCrossProducts } from './vectorMath';

export interface PcaResult {
  /** [rows, components] row-major: each sample's coordinates along the components. */
  projected: Float32Array;
  /**
   * [components, columns] row-major unit vectors, orthogonal to each other. Where the data has
   * fewer directions of variance than components asked (rows = 1, constant data, rank < components)
   * the rest are filled with unit vectors orthogonal to the earlier ones (variance 0). Components
   * beyond `columns` cannot be orthogonal to the others and are zero vectors.
   */
  components: Float32Array;
  /** [components] variance along each component (divisor rows − 1, like scikit-learn). */
  explainedVariance: number[];
  /** [components] explainedVariance / total variance of the data; all 0 for constant data. */
  explainedRatio: number[];
  /** [columns] the column means subtracted before projecting. */
  mean: Float32Array;
}

export interface PcaOptions {
  /**
   * [components, columns] components of the previous update. Each new component is flipped to
   * have a non-negative dot product with its counterpart, which keeps the scatter steady even when
   * the largest loading moves to another column. A zero dot product falls back to the default rule.
   */
  alignTo?: Float32Array;
}

/**
 * Eigenvalues at or below this fraction of the total variance are rounding noise (float32 inputs
 * carry ~1e-7 relative precision, so real variance is far above 1e-12 of the total); their
 * directions are meaningless and are replaced by deterministic orthogonal fill.
 */
const NULL_FRACTION = 1e-12;

/**
 * @param data [rows, columns] row-major samples (e.g. one layer's activations for a batch).
 * @param components how many principal components to return (≥ 1).
 * @throws RangeError naming the argument when the shape does not match or data holds NaN/±Infinity
 *   (check `summaryStats(...).nonFinite` first to show a message instead).
 * @example pca(activations, 256, 64).projected // [256, 2] for the scatter
 */
export function pca(
  data: Float32Array,
  rows: number,
  columns: number,
  components = 2,
  options: PcaOptions = {},
): PcaResult {
  checkArguments(data, rows, columns, components, options);

  // mean [columns] and centred x [rows, columns], in float64.
  const mean64 = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++)
      mean64[c] = (mean64[c] as number) + (data[r * columns + c] as number);
  }
  for (let c = 0; c < columns; c++) mean64[c] = (mean64[c] as number) / rows;
  const x = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      x[r * columns + c] = (data[r * columns + c] as number) - (mean64[c] as number);
    }
  }
  const divisor = Math.max(rows - 1, 1);

  let total = 0; // total variance = trace of the covariance
  for (let i = 0; i < rows * columns; i++) total += (x[i] as number) ** 2;
  total /= divisor;

  const useGram = rows < columns;
  const size = useGram ? rows : columns;
  const wanted = Math.min(components, size);
  // Gram: X·Xᵀ [rows, rows] from the rows of x. Covariance: Xᵀ·X [columns, columns] from the rows
  // of xᵀ, so both are contiguous dot products.
  const matrix = useGram
    ? rowCrossProducts(x, rows, columns, divisor)
    : rowCrossProducts(transpose(x, rows, columns), columns, rows, divisor);
  const eigen = topEigenpairs(matrix, size, wanted);

  const vectors = new Float64Array(components * columns); // [components, columns]
  const variance = new Array<number>(components).fill(0);
  let found = 0; // leading components with real variance
  for (let i = 0; i < wanted; i++) {
    const lambda = eigen.values[i] as number;
    if (!(lambda > NULL_FRACTION * total)) break;
    const u = eigen.vectors.subarray(i * size, (i + 1) * size);
    const v = vectors.subarray(i * columns, (i + 1) * columns);
    if (useGram) {
      // v = Xᵀ·u: [columns] from u [rows]; normalised below.
      for (let r = 0; r < rows; r++) {
        const weight = u[r] as number;
        for (let c = 0; c < columns; c++)
          v[c] = (v[c] as number) + weight * (x[r * columns + c] as number);
      }
    } else {
      v.set(u);
    }
    // Re-orthogonalise against earlier components (Xᵀ·u loses orthogonality for small λ).
    if (!orthogonalizeAndNormalize(vectors, i, columns)) break;
    variance[i] = lambda;
    found++;
  }
  fillOrthogonal(vectors, found, components, columns);

  for (let i = 0; i < components; i++) orient(vectors, i, columns, options.alignTo);

  // projected = x · vᵀ: [rows, columns] × [columns, components] → [rows, components].
  const projected = new Float32Array(rows * components);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < components; i++) {
      let sum = 0;
      for (let c = 0; c < columns; c++)
        sum += (x[r * columns + c] as number) * (vectors[i * columns + c] as number);
      projected[r * components + i] = sum;
    }
  }

  return {
    projected,
    components: Float32Array.from(vectors),
    explainedVariance: variance,
    explainedRatio: variance.map((v) => (total > 0 ? v / total : 0)),
    mean: Float32Array.from(mean64),
  };
}

function checkArguments(
  data: Float32Array,
  rows: number,
  columns: number,
  components: number,
  options: PcaOptions,
): void {
  if (!Number.isInteger(rows) || rows < 1)
    throw new RangeError(`rows is ${rows}; it must be an integer ≥ 1.`);
  if (!Number.isInteger(columns) || columns < 1) {
    throw new RangeError(`columns is ${columns}; it must be an integer ≥ 1.`);
  }
  if (!Number.isInteger(components) || components < 1) {
    throw new RangeError(`components is ${components}; it must be an integer ≥ 1.`);
  }
  if (data.length !== rows * columns) {
    throw new RangeError(
      `data has ${data.length} entries; [${rows}, ${columns}] needs ${rows * columns}.`,
    );
  }
  const bad = data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`data[${bad}] is ${data[bad]}; PCA needs finite values.`);
  if (options.alignTo && options.alignTo.length !== components * columns) {
    throw new RangeError(
      `alignTo has ${options.alignTo.length} entries; [${components}, ${columns}] needs ${components * columns}.`,
    );
  }
}

/** [rows, columns] → [columns, rows]. */
function transpose(x: Float64Array, rows: number, columns: number): Float64Array {
  const out = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) out[c * rows + r] = x[r * columns + c] as number;
  }
  return out;
}

/**
 * Makes row `index` of vectors [*, columns] orthogonal to rows 0..index−1 (two Gram–Schmidt passes)
 * and unit length. False, leaving it untouched in length, when nothing independent is left.
 */
function orthogonalizeAndNormalize(vectors: Float64Array, index: number, columns: number): boolean {
  const v = vectors.subarray(index * columns, (index + 1) * columns);
  const before = norm(v);
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < index; j++) {
      const w = vectors.subarray(j * columns, (j + 1) * columns);
      let projection = 0;
      for (let c = 0; c < columns; c++) projection += (v[c] as number) * (w[c] as number);
      for (let c = 0; c < columns; c++) v[c] = (v[c] as number) - projection * (w[c] as number);
    }
  }
  const after = norm(v);
  if (!(after > 1e-8 * before)) return false;
  for (let c = 0; c < columns; c++) v[c] = (v[c] as number) / after;
  return true;
}

/**
 * Fills rows found..components−1 with deterministic unit vectors orthogonal to the earlier rows:
 * each time the standard basis vector that is most independent of them (lowest index on ties).
 * Rows past `columns` stay zero: R^columns has no more orthogonal directions.
 */
function fillOrthogonal(
  vectors: Float64Array,
  found: number,
  components: number,
  columns: number,
): void {
  for (let i = found; i < Math.min(components, columns); i++) {
    const v = vectors.subarray(i * columns, (i + 1) * columns);
    let bestBasis = 0;
    let bestResidual = -1;
    for (let b = 0; b < columns; b++) {
      // ‖e_b − projection onto earlier rows‖² = 1 − Σⱼ vⱼ[b]².
      let residual = 1;
      for (let j = 0; j < i; j++) residual -= (vectors[j * columns + b] as number) ** 2;
      if (residual > bestResidual + 1e-12) {
        bestResidual = residual;
        bestBasis = b;
      }
    }
    v.fill(0);
    v[bestBasis] = 1;
    orthogonalizeAndNormalize(vectors, i, columns);
  }
  vectors.fill(0, Math.min(components, columns) * columns);
}

/** Flips row `index` to agree with `alignTo`, else so that its largest loading is positive. */
function orient(
  vectors: Float64Array,
  index: number,
  columns: number,
  alignTo: Float32Array | undefined,
): void {
  const v = vectors.subarray(index * columns, (index + 1) * columns);
  let agreement = 0;
  if (alignTo) {
    for (let c = 0; c < columns; c++)
      agreement += (v[c] as number) * (alignTo[index * columns + c] as number);
  }
  if (agreement === 0) {
    // The first of the largest magnitudes (with a small tolerance so rounding cannot pick another).
    let largest = 0;
    for (let c = 0; c < columns; c++) {
      if (Math.abs(v[c] as number) > Math.abs(v[largest] as number) + 1e-9) largest = c;
    }
    agreement = v[largest] as number;
  }
  if (agreement < 0) for (let c = 0; c < columns; c++) v[c] = -(v[c] as number);
}

function norm(v: Float64Array): number {
  let sum = 0;
  for (let c = 0; c < v.length; c++) sum += (v[c] as number) ** 2;
  return Math.sqrt(sum);
}
