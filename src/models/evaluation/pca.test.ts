import { describe, expect, it } from 'vitest';
import { pca, type PcaResult } from './pca';
import { oneSidedJacobiSvd } from './testing/oneSidedJacobiSvd';
import { plantedData } from './testing/synthetic';

/** Row i of a [count, n] row-major array. */
function row(a: ArrayLike<number>, i: number, n: number): number[] {
  return Array.from({ length: n }, (_, c) => a[i * n + c] as number);
}

function dotOf(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + v * (b[i] as number), 0);
}

/** Max |xᵢ·xⱼ − δᵢⱼ| over the rows of components [k, columns]. */
function orthonormalityError(result: PcaResult, k: number, columns: number): number {
  let worst = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const d = dotOf(row(result.components, i, columns), row(result.components, j, columns));
      worst = Math.max(worst, Math.abs(d - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

/**
 * Compares pca() with the SVD of the centred data by one-sided Jacobi (no covariance, no Gram
 * matrix, no shared code): variances σ²/(rows−1), components = right singular vectors and
 * projections = A·v, the last two up to one sign per component.
 */
function expectMatchesReference(
  data: Float32Array,
  rows: number,
  columns: number,
  k: number,
): PcaResult {
  const result = pca(data, rows, columns, k);
  const centred = new Float64Array(rows * columns);
  for (let c = 0; c < columns; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += data[r * columns + c] as number;
    mean /= rows;
    expect(result.mean[c]).toBeCloseTo(mean, 5);
    for (let r = 0; r < rows; r++)
      centred[r * columns + c] = (data[r * columns + c] as number) - mean;
  }
  const svd = oneSidedJacobiSvd(centred, rows, columns);
  const totalVariance = svd.singularValues.reduce((s, v) => s + v * v, 0) / (rows - 1);
  let largestProjection = 0;
  for (let r = 0; r < rows; r++)
    largestProjection = Math.max(
      largestProjection,
      Math.abs(svd.scaledLeft[r * columns] as number),
    );

  for (let i = 0; i < k; i++) {
    const variance = (svd.singularValues[i] as number) ** 2 / (rows - 1);
    expect(Math.abs((result.explainedVariance[i] as number) - variance)).toBeLessThan(
      1e-4 * variance,
    );
    expect(result.explainedRatio[i]).toBeCloseTo(variance / totalVariance, 6);
    const ours = row(result.components, i, columns);
    const reference = row(svd.rightVectors, i, columns);
    const sign = Math.sign(dotOf(ours, reference));
    ours.forEach((v, c) =>
      expect(Math.abs(v - sign * (reference[c] as number))).toBeLessThan(1e-4),
    );
    for (let r = 0; r < rows; r++) {
      const difference =
        (result.projected[r * k + i] as number) -
        sign * (svd.scaledLeft[r * columns + i] as number);
      expect(Math.abs(difference)).toBeLessThan(1e-4 * largestProjection);
    }
  }
  expect(orthonormalityError(result, k, columns)).toBeLessThan(1e-6);
  return result;
}

describe('pca against an independent SVD', () => {
  it.each([
    // rows, columns, planted standard deviations, the path it takes
    [60, 12, [6, 3, 1.5], 'covariance, direct Jacobi'],
    [20, 50, [5, 2], 'Gram matrix (columns > rows), direct Jacobi'],
    [150, 100, [8, 4, 2], 'covariance, Krylov iteration'],
    [72, 120, [8, 5, 2], 'Gram matrix, Krylov iteration'],
  ])('%i × %i data, spread %j (%s)', (rows, columns, scales) => {
    const { data } = plantedData(rows, columns, scales, 0.3, rows + columns);
    expectMatchesReference(data, rows, columns, 3);
  });

  it('explains all the variance when every component is asked for', () => {
    const { data } = plantedData(30, 6, [3, 2, 1], 0.5, 8);
    const result = expectMatchesReference(data, 30, 6, 6);
    expect(result.explainedRatio.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });
});

describe('pca on data with known principal axes', () => {
  // A 7 × 3 grid of (a, b) with a ∈ −3..3 and b ∈ −1..1, placed along u and w in 5-D and shifted.
  // Σa = Σb = Σab = 0, so the covariance is exactly var(a)·uuᵀ + var(b)·wwᵀ:
  // var(a) = 3·(9+4+1+0+1+4+9)/20 = 4.2, var(b) = 7·2/20 = 0.7, ratios 4.2/4.9 = 6/7 and 1/7.
  const u = [0.6, 0.8, 0, 0, 0];
  const w = [0, 0, 0.6, 0, -0.8];
  const offset = [10, -5, 3, 0, 1];
  const points: [number, number][] = [];
  for (let a = -3; a <= 3; a++) for (let b = -1; b <= 1; b++) points.push([a, b]);
  const data = new Float32Array(points.length * 5);
  points.forEach(([a, b], r) => {
    for (let c = 0; c < 5; c++)
      data[r * 5 + c] = (offset[c] as number) + a * (u[c] as number) + b * (w[c] as number);
  });
  const result = pca(data, points.length, 5, 2);

  it('finds the axes, their variances and the mean', () => {
    expect(result.explainedVariance[0]).toBeCloseTo(4.2, 5);
    expect(result.explainedVariance[1]).toBeCloseTo(0.7, 5);
    expect(result.explainedRatio[0]).toBeCloseTo(6 / 7, 6);
    expect(result.explainedRatio[1]).toBeCloseTo(1 / 7, 6);
    Array.from(result.mean).forEach((m, c) => expect(m).toBeCloseTo(offset[c] as number, 5));
    // u's largest loading (0.8) is already positive; w's (−0.8) is not, so w comes back as −w.
    row(result.components, 0, 5).forEach((v, c) => expect(v).toBeCloseTo(u[c] as number, 6));
    row(result.components, 1, 5).forEach((v, c) => expect(v).toBeCloseTo(-(w[c] as number), 6));
  });

  it('projects each point onto its (a, −b) coordinates', () => {
    points.forEach(([a, b], r) => {
      expect(result.projected[r * 2]).toBeCloseTo(a, 5);
      expect(result.projected[r * 2 + 1]).toBeCloseTo(-b, 5);
    });
  });
});

describe('pca edge cases', () => {
  it('handles a single row: zero variance, zero projection, basis-vector components', () => {
    const result = pca(new Float32Array([1, 2, 3]), 1, 3);
    expect(Array.from(result.projected)).toEqual([0, 0]);
    expect(result.explainedVariance).toEqual([0, 0]);
    expect(result.explainedRatio).toEqual([0, 0]);
    expect(Array.from(result.components)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(Array.from(result.mean)).toEqual([1, 2, 3]);
  });

  it('handles constant data without NaN', () => {
    const result = pca(new Float32Array(40).fill(3.25), 10, 4);
    expect(Array.from(result.projected).every((v) => v === 0)).toBe(true);
    expect(result.explainedVariance).toEqual([0, 0]);
    expect(result.explainedRatio).toEqual([0, 0]);
    expect(Array.from(result.components)).toEqual([1, 0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(result.mean)).toEqual([3.25, 3.25, 3.25, 3.25]);
  });

  it('fills components beyond the rank with orthogonal unit vectors of zero variance', () => {
    // 3 rows in 10-D span at most 2 directions after centring.
    const { data } = plantedData(3, 10, [2, 1], 0.1, 21);
    const result = pca(data, 3, 10, 3);
    expect(result.explainedVariance[1]).toBeGreaterThan(0);
    expect(result.explainedVariance[2]).toBe(0);
    expect(orthonormalityError(result, 3, 10)).toBeLessThan(1e-6);
    for (let r = 0; r < 3; r++)
      expect(Math.abs(result.projected[r * 3 + 2] as number)).toBeLessThan(1e-5);
  });

  it('gives a real second component for two rows only when there is one', () => {
    // Two points: one direction of variance, (1, 2, 2)/3; the fill is the most independent basis
    // vector, e₀ (loading 1/3 on it, against 2/3 on e₁ and e₂), made orthogonal.
    const result = pca(new Float32Array([0, 0, 0, 1, 2, 2]), 2, 3);
    expect(result.explainedVariance[0]).toBeCloseTo(9 / 2, 5);
    expect(result.explainedVariance[1]).toBe(0);
    row(result.components, 0, 3).forEach((v, c) =>
      expect(v).toBeCloseTo(([1, 2, 2][c] as number) / 3, 6),
    );
    const fill = row(result.components, 1, 3);
    // e₀ minus its projection onto (1, 2, 2)/3, normalised: (8, −2, −2)/√72.
    fill.forEach((v, c) => expect(v).toBeCloseTo(([8, -2, -2][c] as number) / Math.sqrt(72), 6));
  });

  it('returns a zero vector for components beyond the number of columns', () => {
    const result = pca(new Float32Array([1, 2, 4]), 3, 1, 2);
    expect(Array.from(result.components)).toEqual([1, 0]);
    expect(result.explainedVariance[0]).toBeCloseTo(7 / 3, 6);
    expect(result.explainedVariance[1]).toBe(0);
    expect(result.explainedRatio).toEqual([1, 0]);
    // Centred values along the only axis; the second coordinate is 0.
    const mean = 7 / 3;
    [1, 2, 4].forEach((v, r) => {
      expect(result.projected[r * 2]).toBeCloseTo(v - mean, 6);
      expect(result.projected[r * 2 + 1]).toBe(0);
    });
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => pca(new Float32Array(5), 2, 3)).toThrow(/data has 5 entries; \[2, 3\] needs 6/);
    expect(() => pca(new Float32Array([1, NaN]), 1, 2)).toThrow(/data\[1\] is NaN/);
    expect(() => pca(new Float32Array([1, Infinity]), 2, 1)).toThrow(/data\[1\] is Infinity/);
    expect(() => pca(new Float32Array(4), 2, 2, 0)).toThrow(/components is 0/);
    expect(() => pca(new Float32Array(0), 0, 2)).toThrow(/rows is 0/);
    expect(() => pca(new Float32Array(4), 2, 2, 2, { alignTo: new Float32Array(3) })).toThrow(
      /alignTo has 3/,
    );
  });
});

describe('pca signs (so the scatter does not flip between updates)', () => {
  const rows = 40;
  const columns = 8;
  const { data } = plantedData(rows, columns, [4, 2], 0.2, 33);
  const base = pca(data, rows, columns);

  it('makes the largest-magnitude loading of every component positive', () => {
    for (let i = 0; i < 2; i++) {
      const v = row(base.components, i, columns);
      const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
      expect(largest).toBeGreaterThan(0);
    }
  });

  it('gives bit-identical output for the same input', () => {
    expect(pca(data, rows, columns)).toEqual(base);
  });

  it('keeps the components when the data is mirrored (only the projections flip)', () => {
    const mirrored = pca(
      data.map((v) => -v),
      rows,
      columns,
    );
    Array.from(mirrored.components).forEach((v, i) =>
      expect(v).toBeCloseTo(base.components[i] as number, 5),
    );
    Array.from(mirrored.projected).forEach((v, i) =>
      expect(v).toBeCloseTo(-(base.projected[i] as number), 4),
    );
  });

  it('keeps the components when the rows arrive in another order', () => {
    const order = Array.from({ length: rows }, (_, r) => (r * 7) % rows); // 7 is coprime with 40
    const shuffled = new Float32Array(rows * columns);
    order.forEach((from, to) =>
      shuffled.set(data.subarray(from * columns, (from + 1) * columns), to * columns),
    );
    const result = pca(shuffled, rows, columns);
    Array.from(result.components).forEach((v, i) =>
      expect(v).toBeCloseTo(base.components[i] as number, 5),
    );
    order.forEach((from, to) => {
      expect(result.projected[to * 2]).toBeCloseTo(base.projected[from * 2] as number, 4);
      expect(result.projected[to * 2 + 1]).toBeCloseTo(base.projected[from * 2 + 1] as number, 4);
    });
  });

  it('follows alignTo over the default rule', () => {
    // The first component reversed, the second as it was.
    const flipped = base.components.map((v, i) => (i < columns ? -v : v));
    const aligned = pca(data, rows, columns, 2, { alignTo: flipped });
    Array.from(aligned.components).forEach((v, i) =>
      expect(v).toBeCloseTo((i < columns ? -1 : 1) * (base.components[i] as number), 6),
    );
    for (let r = 0; r < rows; r++) {
      expect(aligned.projected[r * 2]).toBeCloseTo(-(base.projected[r * 2] as number), 5);
      expect(aligned.projected[r * 2 + 1]).toBeCloseTo(base.projected[r * 2 + 1] as number, 5);
    }
  });
});

describe('pca at the largest size the internals view sends', () => {
  // 512 × 512 takes the iterative path (a full Jacobi decomposition would take tens of seconds);
  // its speed is not asserted here (no timed tests), only that it converges to a valid result.
  it.each([
    ['planted structure', [20, 10]],
    ['isotropic noise (flat spectrum, slowest to converge)', []],
  ])('512 × 512 with %s gives orthonormal, uncorrelated components', (_, scales) => {
    const { data, directions } = plantedData(512, 512, scales, 1, 99);
    const result = pca(data, 512, 512);
    expect(orthonormalityError(result, 2, 512)).toBeLessThan(1e-6);
    // The projections' variances are the explained variances, and the two are uncorrelated.
    let v0 = 0;
    let v1 = 0;
    let v01 = 0;
    for (let r = 0; r < 512; r++) {
      const p0 = result.projected[r * 2] as number;
      const p1 = result.projected[r * 2 + 1] as number;
      v0 += p0 * p0;
      v1 += p1 * p1;
      v01 += p0 * p1;
    }
    expect(v0 / 511).toBeCloseTo(result.explainedVariance[0] as number, 3);
    expect(v1 / 511).toBeCloseTo(result.explainedVariance[1] as number, 3);
    expect(Math.abs(v01 / 511)).toBeLessThan(1e-4 * (result.explainedVariance[0] as number));
    // Strong planted directions are found.
    scales.forEach((_, k) => {
      const found = Math.abs(dotOf(row(result.components, k, 512), row(directions, k, 512)));
      expect(found).toBeGreaterThan(0.99);
    });
  });
});
