import { describe, expect, it } from 'vitest';
import { formatTick, nearestIndex, niceTicks, paddedDomain } from './chartScale';

describe('chart scale helpers', () => {
  it('makes round ticks that cover the range', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 237)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(0.31, 2.4)).toEqual([0.5, 1, 1.5, 2]);
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(NaN, 1)).toEqual([]);
  });

  it('formats ticks compactly', () => {
    expect(formatTick(0)).toBe('0');
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(1500)).toBe('1500');
    expect(formatTick(0.00012)).toBe('1.2e-4');
  });

  it('pads a domain and keeps non-negative data above zero', () => {
    expect(paddedDomain([0.2, 2.2])).toEqual([0.1, 2.3000000000000003]);
    expect(paddedDomain([0.01, 1])[0]).toBe(0);
    expect(paddedDomain([], [0, 1])).toEqual([0, 1]);
    expect(paddedDomain([3])).toEqual([2.5, 3.5]);
  });

  it('finds the nearest x', () => {
    const xs = [0, 10, 20, 30];
    expect(nearestIndex(xs, 14)).toBe(1);
    expect(nearestIndex(xs, 16)).toBe(2);
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});
