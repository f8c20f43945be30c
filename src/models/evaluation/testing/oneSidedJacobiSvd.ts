/**
 * Test reference only: the singular value decomposition of a dense matrix by one-sided (Hestenes)
 * Jacobi rotations. It works on the data matrix itself, never forming a covariance or Gram matrix
 * and sharing no code with pca.ts, so agreement between the two is real evidence. Slow (columns² ·
 * rows per sweep), accurate to rounding; meant for test-sized inputs.
 */

export interface Svd {
  /** [columns] singular values, descending. */
  singularValues: Float64Array;
  /** [columns, columns] row-major; row j is the right singular vector of singularValues[j]. */
  rightVectors: Float64Array;
  /** [rows, columns] row-major; column j is A·v_j = σ_j·u_j (left vector scaled by σ_j). */
  scaledLeft: Float64Array;
}

/** @param a [rows, columns] row-major. */
export function oneSidedJacobiSvd(a: ArrayLike<number>, rows: number, columns: number): Svd {
  const w = Float64Array.from(a); // [rows, columns]; its columns are rotated until orthogonal
  const v = new Float64Array(columns * columns); // [columns, columns]; column j → right vector j
  for (let j = 0; j < columns; j++) v[j * columns + j] = 1;

  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < columns - 1; p++) {
      for (let q = p + 1; q < columns; q++) {
        let alpha = 0; // ‖w_p‖²
        let beta = 0; // ‖w_q‖²
        let gamma = 0; // w_p · w_q
        for (let r = 0; r < rows; r++) {
          const wp = w[r * columns + p] as number;
          const wq = w[r * columns + q] as number;
          alpha += wp * wp;
          beta += wq * wq;
          gamma += wp * wq;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        // The plane rotation that makes columns p and q orthogonal.
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let r = 0; r < rows; r++) {
          const wp = w[r * columns + p] as number;
          const wq = w[r * columns + q] as number;
          w[r * columns + p] = c * wp - s * wq;
          w[r * columns + q] = s * wp + c * wq;
        }
        for (let r = 0; r < columns; r++) {
          const vp = v[r * columns + p] as number;
          const vq = v[r * columns + q] as number;
          v[r * columns + p] = c * vp - s * vq;
          v[r * columns + q] = s * vp + c * vq;
        }
      }
    }
    if (!rotated) break;
  }

  const sigma = Array.from({ length: columns }, (_, j) => {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += (w[r * columns + j] as number) ** 2;
    return Math.sqrt(sum);
  });
  const order = sigma.map((_, j) => j).sort((i, j) => (sigma[j] as number) - (sigma[i] as number));
  const singularValues = new Float64Array(columns);
  const rightVectors = new Float64Array(columns * columns);
  const scaledLeft = new Float64Array(rows * columns);
  order.forEach((from, to) => {
    singularValues[to] = sigma[from] as number;
    for (let k = 0; k < columns; k++)
      rightVectors[to * columns + k] = v[k * columns + from] as number;
    for (let r = 0; r < rows; r++) scaledLeft[r * columns + to] = w[r * columns + from] as number;
  });
  return { singularValues, rightVectors, scaledLeft };
}
