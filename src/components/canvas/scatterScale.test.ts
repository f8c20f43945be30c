import { describe, expect, it } from 'vitest';
import {
  classCount,
  nearestPoint,
  pointBounds,
  toPixel,
  toValue,
  type LinearScale,
} from './scatterScale';

describe('pointBounds', () => {
  it('covers the points with a margin on each side', () => {
    const points = new Float32Array([0, 10, 10, 20, 5, 15]);
    const b = pointBounds(points, 3, 0.1);
    expect(b.x).toEqual([-1, 11]);
    expect(b.y).toEqual([9, 21]);
  });

  it('handles no points, one point and non-finite values', () => {
    expect(pointBounds(new Float32Array(0), 0)).toEqual({ x: [-1, 1], y: [-1, 1] });
    expect(pointBounds(new Float32Array([2, 3]), 1)).toEqual({ x: [1.5, 2.5], y: [2.5, 3.5] });
    const withNaN = new Float32Array([NaN, 0, 1, 1, 3, 1]);
    expect(pointBounds(withNaN, 3, 0).x).toEqual([1, 3]);
  });
});

describe('scales', () => {
  const y: LinearScale = { d0: -1, d1: 1, r0: 200, r1: 0 };

  it('maps data to pixels (y up) and back', () => {
    expect(toPixel(y, -1)).toBe(200);
    expect(toPixel(y, 1)).toBe(0);
    expect(toPixel(y, 0)).toBe(100);
    expect(toValue(y, 50)).toBe(0.5);
  });
});

describe('nearestPoint', () => {
  const xs: LinearScale = { d0: 0, d1: 10, r0: 0, r1: 100 };
  const ys: LinearScale = { d0: 0, d1: 10, r0: 100, r1: 0 };
  const points = new Float32Array([1, 1, 5, 5, 5.2, 5, NaN, 0]);

  it('finds the closest point within the radius', () => {
    expect(nearestPoint(points, 4, xs, ys, 10, 90, 6)).toBe(0);
    expect(nearestPoint(points, 4, xs, ys, 53, 50, 6)).toBe(2);
  });

  it('is -1 when nothing is near', () => {
    expect(nearestPoint(points, 4, xs, ys, 90, 10, 6)).toBe(-1);
  });

  it('prefers the later (drawn on top) of two coincident points', () => {
    const twins = new Float32Array([1, 1, 1, 1]);
    expect(nearestPoint(twins, 2, xs, ys, 10, 90, 6)).toBe(1);
  });
});

describe('classCount', () => {
  it('is one more than the largest class id', () => {
    expect(classCount(new Uint8Array([0, 2, 1]), 3)).toBe(3);
    expect(classCount(new Uint8Array([0, 2, 1]), 1)).toBe(1);
    expect(classCount(undefined, 3)).toBe(0);
  });
});
