import { describe, expect, it } from 'vitest';
import { createRandom } from '../../data/random';
import { symmetricEigen } from './symmetricEigen';
import { matrixWithSpectrum, orthonormalRows } from './testing/synthetic';
import { topEigenpairs } from './topEigenpairs';

function rowDot(a: Float64Array, i: number, b: Float64Array, j: number, n: number): number {
  let sum = 0;
  for (let c = 0; c < n; c++) sum += (a[i * n + c] as number) * (b[j * n + c] as number);
  return sum;
}

/** A decaying spectrum [n] with the given leading values; the tail is what slows iteration down. */
function spectrum(leading: number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => leading[i] ?? 2 * 0.97 ** i);
}

describe('topEigenpairs', () => {
  it('matches a full Jacobi decomposition on a 150 × 150 matrix with close top eigenvalues', () => {
    const n = 150;
    const q = orthonormalRows(n, n, createRandom(1));
    const a = matrixWithSpectrum(spectrum([10, 9.5, 9.2], n), q, n);
    const top = topEigenpairs(a, n, 3);
    expect(top.cycles).toBeGreaterThan(0); // the iterative path ran
    const full = symmetricEigen(a, n);
    for (let i = 0; i < 3; i++) {
      expect(top.values[i]).toBeCloseTo(full.values[i] as number, 9);
      // Same eigenvector up to sign.
      expect(Math.abs(rowDot(top.vectors, i, full.vectors, i, n))).toBeCloseTo(1, 9);
    }
  });

  it('finds both vectors of a repeated top eigenvalue (single-vector methods would not)', () => {
    const n = 120;
    const q = orthonormalRows(n, n, createRandom(2));
    const a = matrixWithSpectrum(spectrum([7, 7, 3], n), q, n);
    const top = topEigenpairs(a, n, 2);
    expect(top.values[0]).toBeCloseTo(7, 9);
    expect(top.values[1]).toBeCloseTo(7, 9);
    // Any orthonormal pair of the eigenspace is right: both planted vectors must lie in its span.
    for (const planted of [0, 1]) {
      const inSpan =
        rowDot(top.vectors, 0, q, planted, n) ** 2 + rowDot(top.vectors, 1, q, planted, n) ** 2;
      expect(inSpan).toBeCloseTo(1, 9);
    }
    expect(rowDot(top.vectors, 0, top.vectors, 1, n)).toBeCloseTo(0, 12);
  });

  it('gives the same answer iterating as solving directly', () => {
    const n = 60;
    const q = orthonormalRows(n, n, createRandom(3));
    const a = matrixWithSpectrum(spectrum([4, 3, 1], n), q, n);
    const direct = topEigenpairs(a, n, 2);
    const iterated = topEigenpairs(a, n, 2, 0);
    expect(direct.cycles).toBe(0);
    expect(iterated.cycles).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) {
      expect(iterated.values[i]).toBeCloseTo(direct.values[i] as number, 10);
      expect(Math.abs(rowDot(iterated.vectors, i, direct.vectors, i, n))).toBeCloseTo(1, 9);
    }
  });

  it('copes with rank below k: extra pairs have eigenvalue 0 and stay orthonormal', () => {
    const n = 100;
    const q = orthonormalRows(1, n, createRandom(4));
    const a = matrixWithSpectrum([3], q, n);
    const top = topEigenpairs(a, n, 3);
    expect(top.values[0]).toBeCloseTo(3, 12);
    expect(top.values[1]).toBeCloseTo(0, 12);
    expect(top.values[2]).toBeCloseTo(0, 12);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++)
        expect(rowDot(top.vectors, i, top.vectors, j, n)).toBeCloseTo(i === j ? 1 : 0, 10);
    }
  });

  it('returns zeros and unit vectors for a zero matrix', () => {
    const n = 80;
    const top = topEigenpairs(new Float64Array(n * n), n, 2);
    expect(Array.from(top.values)).toEqual([0, 0]);
    expect(rowDot(top.vectors, 0, top.vectors, 0, n)).toBeCloseTo(1, 12);
  });

  it('is deterministic: the same matrix gives bit-identical output', () => {
    const n = 90;
    const q = orthonormalRows(n, n, createRandom(6));
    const a = matrixWithSpectrum(spectrum([5, 4], n), q, n);
    expect(topEigenpairs(a, n, 2)).toEqual(topEigenpairs(a, n, 2));
  });

  it('rejects k outside [1, n]', () => {
    expect(() => topEigenpairs(new Float64Array(4), 2, 3)).toThrow(/k is 3/);
    expect(() => topEigenpairs(new Float64Array(4), 2, 0)).toThrow(/k is 0/);
  });
});
