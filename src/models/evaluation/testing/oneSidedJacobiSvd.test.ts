import { describe, expect, it } from 'vitest';
import { createRandom, gaussian } from '../../../data/random';
import { oneSidedJacobiSvd } from './oneSidedJacobiSvd';

// The PCA tests trust this reference, so it is checked on its own: A = (A·V)·Vᵀ with V orthogonal,
// the columns of A·V orthogonal, and singular values descending.
describe('oneSidedJacobiSvd (test reference)', () => {
  it.each([
    [9, 4],
    [4, 9],
  ])('decomposes a random %i × %i matrix', (rows, columns) => {
    const random = createRandom(rows * 100 + columns);
    const a = Float64Array.from({ length: rows * columns }, () => gaussian(random));
    const { singularValues, rightVectors: v, scaledLeft: av } = oneSidedJacobiSvd(a, rows, columns);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        let sum = 0;
        for (let j = 0; j < columns; j++)
          sum += (av[r * columns + j] as number) * (v[j * columns + c] as number);
        expect(sum).toBeCloseTo(a[r * columns + c] as number, 12);
      }
    }
    for (let i = 0; i < columns; i++) {
      for (let j = 0; j < columns; j++) {
        let vv = 0;
        let uu = 0;
        for (let c = 0; c < columns; c++)
          vv += (v[i * columns + c] as number) * (v[j * columns + c] as number);
        for (let r = 0; r < rows; r++)
          uu += (av[r * columns + i] as number) * (av[r * columns + j] as number);
        expect(vv).toBeCloseTo(i === j ? 1 : 0, 12);
        expect(uu).toBeCloseTo(i === j ? (singularValues[i] as number) ** 2 : 0, 10);
      }
      if (i > 0) expect(singularValues[i]).toBeLessThanOrEqual(singularValues[i - 1] as number);
    }
  });

  it('matches a hand-computed 2 × 2 case', () => {
    // [[3, 0], [4, 5]]: AᵀA = [[25, 20], [20, 25]], eigenvalues 45 and 5.
    const { singularValues } = oneSidedJacobiSvd([3, 0, 4, 5], 2, 2);
    expect(singularValues[0]).toBeCloseTo(Math.sqrt(45), 12);
    expect(singularValues[1]).toBeCloseTo(Math.sqrt(5), 12);
  });
});
