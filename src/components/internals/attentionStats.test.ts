import { describe, expect, it } from 'vitest';
import { headFocus } from './attentionStats';

describe('headFocus', () => {
  it('measures the mass on the diagonal and on the mirrored position per head', () => {
    const T = 4;
    const maps = new Float32Array(2 * T * T);
    for (let i = 0; i < T; i++) {
      maps[i * T + i] = 1; // head 0 copies
      maps[(T + i) * T + (T - 1 - i)] = 0.5; // head 1 half-reverses…
      maps[(T + i) * T + i] = 0.5; // …and half-copies (for an even T the two never share a cell)
    }
    expect(headFocus(maps, 2, T)).toEqual([
      { diagonal: 1, mirror: 0 },
      { diagonal: 0.5, mirror: 0.5 },
    ]);
  });

  it('gives chance (1/T) for uniform attention', () => {
    const maps = new Float32Array(8 * 8).fill(1 / 8);
    const [focus] = headFocus(maps, 1, 8);
    expect(focus?.diagonal).toBeCloseTo(1 / 8, 6);
    expect(focus?.mirror).toBeCloseTo(1 / 8, 6);
  });
});
