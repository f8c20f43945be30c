import { describe, expect, it } from 'vitest';
import { minMax, ownRange, resolveRange } from './valueRange';

describe('minMax', () => {
  it('finds the extremes and skips NaN', () => {
    expect(minMax(new Float32Array([3, NaN, -2, 5]))).toEqual([-2, 5]);
  });

  it('walks one channel of a channels-last array', () => {
    // [2 pixels, 3 channels]: channel 1 holds 10 and 20.
    const hwc = new Float32Array([0, 10, 0, 0, 20, 100]);
    expect(minMax(hwc, 1, 2, 3)).toEqual([10, 20]);
  });

  it('gives NaN for no finite values', () => {
    expect(minMax(new Float32Array([NaN]))).toEqual([NaN, NaN]);
    expect(minMax([])).toEqual([NaN, NaN]);
  });
});

describe('resolveRange', () => {
  const values = new Float32Array([-0.5, 0.25, 2]);

  it('passes a fixed range through', () => {
    expect(resolveRange(values, [0, 1])).toEqual([0, 1]);
  });

  it('fits the data for auto and centres on zero for symmetric', () => {
    expect(resolveRange(values, 'auto')).toEqual([-0.5, 2]);
    expect(resolveRange(values, 'symmetric')).toEqual([-2, 2]);
  });

  it('falls back when there is nothing to fit', () => {
    expect(resolveRange([], 'auto')).toEqual([0, 1]);
    expect(resolveRange(new Float32Array(4), 'symmetric')).toEqual([-1, 1]);
  });
});

describe('ownRange', () => {
  it("is one channel's min–max, and a flat channel sits at the low end", () => {
    const hwc = new Float32Array([1, 0, 3, 0, 2, 0]);
    expect(ownRange(hwc, 0, 3, 2)).toEqual([1, 3]);
    expect(ownRange(hwc, 1, 3, 2)).toEqual([0, 1]);
    expect(ownRange(new Float32Array([NaN]), 0, 1, 1)).toEqual([0, 1]);
  });
});
