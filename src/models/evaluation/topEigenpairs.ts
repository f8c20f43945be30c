/**
 * The k largest eigenpairs of a symmetric positive semi-definite matrix (a covariance or Gram
 * matrix), by restarted block Krylov iteration with a Rayleigh–Ritz step.
 *
 * Why this method: PCA views want 2–3 components of matrices up to 512 × 512. A full Jacobi
 * decomposition of that size costs ~10⁹ flops per sweep. Iterative methods cost n² per
 * matrix–vector product; of those, a Krylov space (q, Mq, M²q, …) converges in far fewer products
 * than plain subspace (power) iteration when the top eigenvalues are close together, as they are
 * for the near-isotropic activations of an untrained layer (on 512 × 512 Gaussian noise: ~240
 * matrix–vector products here, ~1,800 for subspace iteration with 12 vectors). A block of k + 4
 * start vectors also finds repeated top eigenvalues (points on a circle), which single-vector
 * power iteration or Lanczos would miss. The start block is fixed, so the same matrix always gives
 * the same result. Small matrices go straight to Jacobi, which is exact and cheap there.
 */
import { createRandom } from '../../data/random';
import { symmetricEigen } from './symmetricEigen';
import { dot } from './vectorMath';

export interface TopEigenpairs {
  /** [k], descending. */
  values: Float64Array;
  /** [k, n] row-major unit eigenvectors. */
  vectors: Float64Array;
  /** Krylov cycles run (each ends with a Rayleigh–Ritz step); 0 when solved directly. */
  cycles: number;
}

/** Up to this size a full Jacobi decomposition is cheaper than iterating. */
export const DIRECT_LIMIT = 64;
/** Block size beyond k: room for repeated or clustered eigenvalues at the k-th position. */
const EXTRA_VECTORS = 4;
/**
 * Dimension of the Krylov space built per cycle. Larger converges in fewer cycles but makes each
 * Rayleigh–Ritz step (a Jacobi decomposition of this size) and the re-orthogonalisation dearer.
 */
const KRYLOV_DIMENSION = 48;
/**
 * Stop when every wanted Ritz pair has ‖M·v − θ·v‖ ≤ TOLERANCE·θ₁. The eigenvector error is about
 * residual / gap, so this keeps projections well inside the 1e-4 that a scatter could ever show.
 */
const TOLERANCE = 1e-8;
/** Caps the cost on a nearly flat spectrum (isotropic noise), where the answer is ill-defined. */
const MAX_CYCLES = 40;
/** Any fixed seed: the start block only has to be generic, and the same every call. */
const START_SEED = 0x5eed;

/**
 * @param matrix [n, n] row-major, symmetric positive semi-definite.
 * @param k how many pairs, 1 ≤ k ≤ n.
 * @param directLimit matrices up to this size are decomposed directly (tests lower it to exercise
 *   the iteration on small inputs).
 */
export function topEigenpairs(
  matrix: Float64Array,
  n: number,
  k: number,
  directLimit = DIRECT_LIMIT,
): TopEigenpairs {
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(`k is ${k}; it must be an integer in [1, ${n}].`);
  }
  if (matrix.length !== n * n) {
    throw new RangeError(`matrix has ${matrix.length} entries; [${n}, ${n}] needs ${n * n}.`);
  }
  const block = k + EXTRA_VECTORS;
  const blocksPerCycle = Math.max(3, Math.ceil(KRYLOV_DIMENSION / block));
  const dimension = block * blocksPerCycle;
  if (n <= directLimit || dimension >= n) {
    const { values, vectors } = symmetricEigen(matrix, n);
    return { values: values.slice(0, k), vectors: vectors.slice(0, k * n), cycles: 0 };
  }

  const random = createRandom(START_SEED);
  // basis: [dimension, n] orthonormal rows spanning the Krylov space.
  // image: [dimension, n] M·basis, row by row.
  const basis = new Float64Array(dimension * n);
  const image = new Float64Array(dimension * n);
  for (let i = 0; i < block * n; i++) basis[i] = random() - 0.5;

  let values = new Float64Array(k);
  let vectors = new Float64Array(k * n);
  let cycles = 0;
  while (cycles < MAX_CYCLES) {
    cycles++;
    // Build the Krylov space block by block: each block is M times the previous one, made
    // orthogonal to everything before it (full re-orthogonalisation keeps the basis clean).
    orthonormalizeRows(basis, 0, block, n, random);
    for (let b = 0; b < blocksPerCycle; b++) {
      const from = b * block;
      multiplyRows(matrix, n, basis, image, from, from + block);
      if (b + 1 < blocksPerCycle) {
        basis.set(image.subarray(from * n, (from + block) * n), (from + block) * n);
        orthonormalizeRows(basis, from + block, from + 2 * block, n, random);
      }
    }

    // Rayleigh–Ritz: the best approximations to eigenpairs within the Krylov space.
    const projected = new Float64Array(dimension * dimension); // [d, d], basisᵢ·M·basisⱼ
    for (let i = 0; i < dimension; i++) {
      for (let j = i; j < dimension; j++) {
        // Symmetrised so rounding cannot make the small matrix non-symmetric.
        const value = (dot(basis, i * n, image, j * n, n) + dot(image, i * n, basis, j * n, n)) / 2;
        projected[i * dimension + j] = value;
        projected[j * dimension + i] = value;
      }
    }
    const small = symmetricEigen(projected, dimension);
    const ritz = combineRows(small.vectors, basis, block, dimension, n); // [block, n]
    const ritzImage = combineRows(small.vectors, image, block, dimension, n); // [block, n] M·ritz

    let worst = 0;
    for (let i = 0; i < k; i++) {
      const theta = small.values[i] as number;
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const r = (ritzImage[i * n + j] as number) - theta * (ritz[i * n + j] as number);
        sum += r * r;
      }
      worst = Math.max(worst, Math.sqrt(sum));
    }
    values = small.values.slice(0, k);
    vectors = ritz.slice(0, k * n);
    const scale = Math.abs(small.values[0] as number);
    // `!(… > …)` also stops on NaN rather than running to the cap.
    if (!(worst > TOLERANCE * scale)) break;

    // Restart from the best block found so far.
    basis.set(ritz, 0);
  }
  return { values, vectors, cycles };
}

/**
 * image[i] = M · basis[i] for rows [from, to): [n, n] × [n] each. M is symmetric, so its rows act
 * as columns.
 */
function multiplyRows(
  matrix: Float64Array,
  n: number,
  basis: Float64Array,
  image: Float64Array,
  from: number,
  to: number,
): void {
  // Row r of M outermost, so it is read from memory once per block rather than once per vector.
  for (let r = 0; r < n; r++) {
    for (let i = from; i < to; i++) image[i * n + r] = dot(matrix, r * n, basis, i * n, n);
  }
}

/** out[i] = Σⱼ weights[i, j] · rows[j] for i < count: [count, d] × [d, n] → [count, n]. */
function combineRows(
  weights: Float64Array,
  rows: Float64Array,
  count: number,
  d: number,
  n: number,
): Float64Array {
  const out = new Float64Array(count * n);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < d; j++) {
      const w = weights[i * d + j] as number;
      if (w === 0) continue;
      for (let c = 0; c < n; c++)
        out[i * n + c] = (out[i * n + c] as number) + w * (rows[j * n + c] as number);
    }
  }
  return out;
}

/**
 * Makes rows [from, to) orthonormal and orthogonal to rows [0, from), by modified Gram–Schmidt run
 * twice ("twice is enough" for orthogonality at rounding level). A row that collapses (the space is
 * already invariant, as when the matrix has low rank) is replaced by a fresh random one, so the
 * basis always has full dimension.
 */
function orthonormalizeRows(
  rows: Float64Array,
  from: number,
  to: number,
  n: number,
  random: () => number,
): void {
  for (let i = from; i < to; i++) {
    for (let attempt = 0; ; attempt++) {
      const before = Math.sqrt(dot(rows, i * n, rows, i * n, n));
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < i; j++) {
          const projection = dot(rows, i * n, rows, j * n, n);
          for (let c = 0; c < n; c++) {
            rows[i * n + c] =
              (rows[i * n + c] as number) - projection * (rows[j * n + c] as number);
          }
        }
      }
      const after = Math.sqrt(dot(rows, i * n, rows, i * n, n));
      if (after > 1e-10 * before && after > 0) {
        for (let c = 0; c < n; c++) rows[i * n + c] = (rows[i * n + c] as number) / after;
        break;
      }
      // Random vectors in dimension n > `to` are independent of the rest with probability 1.
      if (attempt > 8) throw new Error('orthonormalizeRows: could not find an independent vector.');
      for (let c = 0; c < n; c++) rows[i * n + c] = random() - 0.5;
    }
  }
}
