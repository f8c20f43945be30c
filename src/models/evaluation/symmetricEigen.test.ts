import { describe, expect, it } from 'vitest';
import { createRandom } from '../../data/random';
import { symmetricEigen } from './symmetricEigen';
import { matrixWithSpectrum, orthonormalRows } from './testing/synthetic';

/** max |A·v − λ·v| over every pair, and max |vᵢ·vⱼ − δᵢⱼ|. */
function errors(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array) {
  let residual = 0;
  let orthogonality = 0;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < n; r++) {
      let av = 0;
      for (let c = 0; c < n; c++) av += (a[r * n + c] as number) * (vectors[i * n + c] as number);
      residual = Math.max(
        residual,
        Math.abs(av - (values[i] as number) * (vectors[i * n + r] as number)),
      );
    }
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (let c = 0; c < n; c++)
        d += (vectors[i * n + c] as number) * (vectors[j * n + c] as number);
      orthogonality = Math.max(orthogonality, Math.abs(d - (i === j ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

describe('symmetricEigen', () => {
  it('solves [[2, 1], [1, 2]] by hand: 3 along (1, 1), 1 along (1, −1)', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0] as number)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0]).toBeCloseTo(vectors[1] as number, 14);
    expect(vectors[2]).toBeCloseTo(-(vectors[3] as number), 14);
  });

  it('sorts a diagonal matrix descending and keeps the basis vectors', () => {
    const { values, vectors } = symmetricEigen([1, 0, 0, 0, 3, 0, 0, 0, 2], 3);
    expect(Array.from(values)).toEqual([3, 2, 1]);
    expect(Array.from(vectors)).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0]);
  });

  it('diagonalises a random symmetric 30 × 30 matrix to rounding level', () => {
    const n = 30;
    const random = createRandom(11);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const value = random() * 2 - 1;
        a[i * n + j] = value;
        a[j * n + i] = value;
      }
    }
    const { values, vectors } = symmetricEigen(a, n);
    const { residual, orthogonality } = errors(a, n, values, vectors);
    expect(residual).toBeLessThan(1e-12);
    expect(orthogonality).toBeLessThan(1e-12);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i] as number;
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 10);
    for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1] as number);
  });

  it('recovers a planted spectrum with repeated eigenvalues, with orthonormal vectors', () => {
    const n = 6;
    const q = orthonormalRows(n, n, createRandom(5));
    const spectrum = [5, 5, 2, 1, 1, 0.5];
    const a = matrixWithSpectrum(spectrum, q, n);
    const { values, vectors } = symmetricEigen(a, n);
    spectrum.forEach((v, i) => expect(values[i]).toBeCloseTo(v, 12));
    const { residual, orthogonality } = errors(a, n, values, vectors);
    expect(residual).toBeLessThan(1e-12);
    expect(orthogonality).toBeLessThan(1e-12);
  });

  it('returns (NaN) instead of looping forever on a NaN matrix', () => {
    const { values } = symmetricEigen([1, NaN, NaN, 1], 2);
    expect(values).toHaveLength(2);
  });

  it('rejects a matrix that is not n × n', () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/matrix has 3 entries/);
  });
});
