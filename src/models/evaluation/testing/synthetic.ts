/**
 * Test data with a known structure, from the project's seeded random source (same data every run).
 */
import { createRandom, gaussian, type Random } from '../../../data/random';

/** [count, n] row-major orthonormal rows: Gram–Schmidt on Gaussian vectors (count ≤ n). */
export function orthonormalRows(count: number, n: number, random: Random): Float64Array {
  const rows = Float64Array.from({ length: count * n }, () => gaussian(random));
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < i; j++) {
      let projection = 0;
      for (let c = 0; c < n; c++)
        projection += (rows[i * n + c] as number) * (rows[j * n + c] as number);
      for (let c = 0; c < n; c++)
        rows[i * n + c] = (rows[i * n + c] as number) - projection * (rows[j * n + c] as number);
    }
    let norm = 0;
    for (let c = 0; c < n; c++) norm += (rows[i * n + c] as number) ** 2;
    for (let c = 0; c < n; c++) rows[i * n + c] = (rows[i * n + c] as number) / Math.sqrt(norm);
  }
  return rows;
}

/** Σᵢ values[i]·qᵢ·qᵢᵀ: [n, n] symmetric, eigenvalues `values` (and 0), eigenvectors q [k, n]. */
export function matrixWithSpectrum(values: number[], q: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  values.forEach((value, i) => {
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        out[r * n + c] =
          (out[r * n + c] as number) + value * (q[i * n + r] as number) * (q[i * n + c] as number);
      }
    }
  });
  return out;
}

export interface PlantedData {
  /** [rows, columns] row-major. */
  data: Float32Array;
  /** [scales.length, columns] the orthonormal directions the spread was planted along. */
  directions: Float64Array;
}

/**
 * Samples spread along random orthonormal directions with standard deviations `scales`, plus
 * isotropic Gaussian noise and a per-column offset (so centring matters).
 */
export function plantedData(
  rows: number,
  columns: number,
  scales: number[],
  noise: number,
  seed: number,
): PlantedData {
  const random = createRandom(seed);
  const directions = orthonormalRows(scales.length, columns, random);
  const data = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++)
      data[r * columns + c] = 0.5 * c - 2 + noise * gaussian(random);
    scales.forEach((scale, k) => {
      const amount = scale * gaussian(random);
      for (let c = 0; c < columns; c++) {
        data[r * columns + c] =
          (data[r * columns + c] as number) + amount * (directions[k * columns + c] as number);
      }
    });
  }
  return { data, directions };
}
