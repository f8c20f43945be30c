/**
 * All eigenvalues and eigenvectors of a small dense symmetric matrix, by cyclic Jacobi rotations.
 *
 * Why Jacobi: it is short, needs no tridiagonal stage, always converges (quadratically once the
 * off-diagonal is small), and gives orthonormal eigenvectors even for repeated eigenvalues. It
 * costs about 6·n³ flops per sweep, so PCA only uses it directly on small matrices and on the small
 * Rayleigh–Ritz matrices of `topEigenpairs`.
 */

export interface EigenDecomposition {
  /** [n], descending. */
  values: Float64Array;
  /** [n, n] row-major; row i is the unit eigenvector of values[i]. */
  vectors: Float64Array;
}

/** Sweeps are quadratically convergent; 60 is far beyond what a finite symmetric matrix needs. */
const MAX_SWEEPS = 60;

/**
 * @param matrix [n, n] row-major, symmetric (only read, never modified).
 * @returns eigenvalues in descending order (ties keep their index order, so the output is
 *   deterministic) with unit eigenvectors as rows.
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): EigenDecomposition {
  if (matrix.length !== n * n) {
    throw new RangeError(`matrix has ${matrix.length} entries; [${n}, ${n}] needs ${n * n}.`);
  }
  const a = Float64Array.from(matrix); // [n, n], rotated in place towards diagonal
  const v = new Float64Array(n * n); // [n, n], accumulated rotations; column j → eigenvector j
  for (let i = 0; i < n; i++) v[i * n + i] = 1;

  let norm = 0;
  for (let i = 0; i < n * n; i++) norm += (a[i] as number) ** 2;
  // Stop when the off-diagonal mass is at rounding level of the whole matrix.
  const threshold = norm * 1e-30;

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (!(off > threshold)) break; // also stops on NaN instead of spinning

    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (apq === 0) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        // The rotation angle that zeroes a[p][q]; t = tan of it, taking the smaller root for
        // stability, and 1/(2θ) when θ² would overflow.
        const theta = (aqq - app) / (2 * apq);
        const t =
          Math.abs(theta) > 1e150
            ? 1 / (2 * theta)
            : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // a ← Jᵀ a J, with J the identity except J[p][p] = J[q][q] = c, J[p][q] = s, J[q][p] = -s.
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }

  // Sort descending; Array.prototype.sort is stable, so equal eigenvalues keep index order.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (a[j * n + j] as number) - (a[i * n + i] as number),
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = a[from * n + from] as number;
    for (let k = 0; k < n; k++) vectors[to * n + k] = v[k * n + from] as number;
  });
  return { values, vectors };
}
