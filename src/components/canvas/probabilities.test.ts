import { describe, expect, it } from 'vitest';
import { classProbability, isBinary, topClass } from './probabilities';

describe('grid probabilities', () => {
  it('reads p(class 1) per point for two classes', () => {
    const p1 = new Float32Array([0.25, 0.9]);
    expect(isBinary(p1, 2, 2)).toBe(true);
    expect(classProbability(p1, 2, 2, 0, 1)).toBe(0.25);
    expect(classProbability(p1, 2, 2, 0, 0)).toBe(0.75);
    expect(topClass(p1, 2, 2, 1)).toEqual({ cls: 1, p: Math.fround(0.9) });
  });

  it('reads [points, k] rows otherwise', () => {
    const probs = new Float32Array([0.5, 0.25, 0.25, 0, 0, 1]);
    expect(isBinary(probs, 2, 3)).toBe(false);
    expect(classProbability(probs, 2, 3, 1, 2)).toBe(1);
    expect(topClass(probs, 2, 3, 0)).toEqual({ cls: 0, p: 0.5 });
  });

  it('reports a missing point as no class', () => {
    expect(topClass(new Float32Array([NaN]), 1, 2, 0)).toEqual({ cls: -1, p: NaN });
  });
});
