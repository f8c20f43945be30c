import { describe, expect, it } from 'vitest';
import { formatTick, niceTicks } from './chartScale';

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
});
