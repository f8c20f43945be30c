import { describe, expect, it } from 'vitest';
import { rebinSymmetric } from './rebin';

describe('rebinSymmetric', () => {
  it('keeps a histogram unchanged in its own range', () => {
    expect(Array.from(rebinSymmetric([1, 2, 3, 4], 1, 1, 4))).toEqual([1, 2, 3, 4]);
  });

  it('squeezes a narrow histogram into the middle of a wider range, keeping the total', () => {
    const out = rebinSymmetric([2, 6], 1, 2, 4); // [-1, 0] and [0, 1] inside [-2, 2]
    expect(Array.from(out)).toEqual([0, 2, 6, 0]);
  });

  it('shares a bin between the common bins it overlaps', () => {
    const out = rebinSymmetric([4], 1, 1, 2);
    expect(Array.from(out)).toEqual([2, 2]);
    expect(rebinSymmetric([5, 5, 5], 0.3, 1, 10).reduce((a, b) => a + b, 0)).toBeCloseTo(15, 5);
  });
});
