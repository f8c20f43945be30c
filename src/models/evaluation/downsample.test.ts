import { describe, expect, it } from 'vitest';
import { evenlySpaced } from './downsample';

describe('evenlySpaced', () => {
  it('spreads indices evenly, first and last included', () => {
    expect(Array.from(evenlySpaced(10, 4))).toEqual([0, 3, 6, 9]);
    // 0, 2.25, 4.5, 6.75, 9 rounded half up.
    expect(Array.from(evenlySpaced(10, 5))).toEqual([0, 2, 5, 7, 9]);
    expect(Array.from(evenlySpaced(64, 2))).toEqual([0, 63]);
  });

  it('returns everything when asked for at least as many as there are', () => {
    expect(Array.from(evenlySpaced(3, 3))).toEqual([0, 1, 2]);
    expect(Array.from(evenlySpaced(3, 8))).toEqual([0, 1, 2]);
  });

  it('handles one, none and an empty source', () => {
    expect(Array.from(evenlySpaced(10, 1))).toEqual([0]);
    expect(Array.from(evenlySpaced(10, 0))).toEqual([]);
    expect(Array.from(evenlySpaced(0, 4))).toEqual([]);
  });

  it('is always ascending, distinct, in range and evenly spaced to within one', () => {
    for (let total = 1; total <= 60; total++) {
      for (let count = 1; count <= total; count++) {
        const indices = Array.from(evenlySpaced(total, count));
        expect(indices).toHaveLength(count);
        expect(indices[0]).toBe(0);
        if (count > 1) expect(indices[count - 1]).toBe(total - 1);
        indices.forEach((index, i) => {
          if (i > 0) expect(index).toBeGreaterThan(indices[i - 1] as number);
          // |index − i·(total−1)/(count−1)| ≤ ½, multiplied out to stay in exact integers.
          const steps = Math.max(count - 1, 1);
          expect(Math.abs(2 * steps * index - 2 * i * (total - 1))).toBeLessThanOrEqual(steps);
        });
      }
    }
  });

  it('rejects negative or fractional sizes, naming them', () => {
    expect(() => evenlySpaced(-1, 2)).toThrow(/total is -1/);
    expect(() => evenlySpaced(5, 1.5)).toThrow(/count is 1.5/);
  });
});
