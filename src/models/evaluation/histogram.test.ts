import { describe, expect, it } from 'vitest';
import { createRandom, gaussian } from '../../data/random';
import { histogram, summaryStats, symmetricRange } from './histogram';

describe('histogram', () => {
  it('bins by hand: half-open bins, the last one closed', () => {
    // Range [0, 2] from the data, 4 bins of 0.5: 0 | 0.5 | 1 | 1.5, 2, 2.
    const h = histogram([0, 0.5, 1, 1.5, 2, 2], 4);
    expect(Array.from(h.edges)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(Array.from(h.counts)).toEqual([1, 1, 1, 3]);
    expect([h.min, h.max, h.below, h.above, h.nonFinite]).toEqual([0, 2, 0, 0, 0]);
  });

  it('counts NaN and ±Infinity apart and bins the rest', () => {
    const h = histogram([NaN, Infinity, 1, -Infinity, 2], 2);
    expect(h.nonFinite).toBe(3);
    expect(Array.from(h.counts)).toEqual([1, 1]);
    expect([h.min, h.max]).toEqual([1, 2]);
  });

  it('uses an explicit range and counts what falls outside it', () => {
    const h = histogram([-5, 0, 0.2, 0.99, 1, 7], 2, [0, 1]);
    expect(Array.from(h.counts)).toEqual([2, 2]);
    expect([h.below, h.above]).toEqual([1, 1]);
    // min/max describe the data, not the range.
    expect([h.min, h.max]).toEqual([-5, 7]);
  });

  it('widens a zero-width range to ±0.5 and puts constant values in the middle', () => {
    const h = histogram([3, 3, 3], 3);
    expect(h.edges[0]).toBe(2.5);
    expect(h.edges[3]).toBe(3.5);
    expect(Array.from(h.counts)).toEqual([0, 3, 0]);
  });

  it('gives usable edges and zero counts when nothing is finite', () => {
    const h = histogram([NaN, NaN], 2);
    expect(Array.from(h.edges)).toEqual([0, 0.5, 1]);
    expect(Array.from(h.counts)).toEqual([0, 0]);
    expect([h.min, h.max, h.nonFinite]).toEqual([0, 0, 2]);
    expect(Array.from(histogram([], 1).counts)).toEqual([0]);
  });

  it('puts every value in the bin its reported edges say, even values sitting on an edge', () => {
    const random = createRandom(12);
    // Tenths land on (rounded) edges of 10 bins over [0, 1]; Gaussian values exercise the rest.
    const values = [
      ...Array.from({ length: 11 }, (_, k) => k / 10),
      ...Array.from({ length: 500 }, () => 0.5 + 0.2 * gaussian(random)),
    ];
    const bins = 10;
    const h = histogram(values, bins, [0, 1]);
    const expected = new Array<number>(bins).fill(0);
    let outside = 0;
    for (const v of values) {
      const bin = Array.from(h.edges).findIndex(
        (edge, i) =>
          i < bins &&
          v >= edge &&
          (v < (h.edges[i + 1] as number) || (i === bins - 1 && v <= edge + 1)),
      );
      if (bin < 0 || v > (h.edges[bins] as number)) outside++;
      else expected[bin] = (expected[bin] as number) + 1;
    }
    expect(Array.from(h.counts)).toEqual(expected);
    expect(h.below + h.above).toBe(outside);
    expect(h.counts.reduce((s, c) => s + c, 0) + h.below + h.above + h.nonFinite).toBe(
      values.length,
    );
  });

  it('puts a value equal to an edge in the bin that starts there, despite rounding', () => {
    // Over [−1, 0.7] in 3 bins, (edge − low)·bins/(high − low) rounds just below 1 and 2, so a
    // plain floor would put the interior edges one bin too low.
    const range: [number, number] = [-1, 0.7];
    const { edges } = histogram([], 3, range);
    expect(Array.from(histogram(Array.from(edges), 3, range).counts)).toEqual([1, 1, 2]);
  });

  it('rejects bad bins and ranges, naming them', () => {
    expect(() => histogram([1], 0)).toThrow(/bins is 0/);
    expect(() => histogram([1], 2.5)).toThrow(/bins is 2.5/);
    expect(() => histogram([1], 2, [1, 0])).toThrow(/range is \[1, 0\]/);
    expect(() => histogram([1], 2, [0, NaN])).toThrow(/range is \[0, NaN\]/);
  });
});

describe('symmetricRange', () => {
  it('spans ± the largest finite magnitude', () => {
    expect(symmetricRange([-3, 2, NaN, Infinity, -Infinity])).toEqual([-3, 3]);
    expect(symmetricRange(new Float32Array([0.25, -0.125]))).toEqual([-0.25, 0.25]);
  });

  it('keeps a floor so an all-zero (vanished) gradient still has a range', () => {
    expect(symmetricRange([0, 0, 0])).toEqual([-1e-12, 1e-12]);
    expect(symmetricRange([], 0.5)).toEqual([-0.5, 0.5]);
    const h = histogram([0, 0, 0], 5, symmetricRange([0, 0, 0]));
    expect(Array.from(h.counts)).toEqual([0, 0, 3, 0, 0]);
  });
});

describe('summaryStats', () => {
  it('describes [1, 2, 3, 4] by hand', () => {
    const s = summaryStats([1, 2, 3, 4]);
    expect(s.count).toBe(4);
    expect(s.mean).toBe(2.5);
    // Population variance: (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
    expect(s.std).toBeCloseTo(Math.sqrt(1.25), 14);
    expect([s.min, s.max]).toEqual([1, 4]);
    expect(s.l2norm).toBeCloseTo(Math.sqrt(30), 14);
    expect(s.nonFinite).toBe(0);
  });

  it('leaves non-finite values out and counts them', () => {
    const s = summaryStats([NaN, 2, Infinity, -2, -Infinity]);
    expect(s).toEqual({
      count: 2,
      mean: 0,
      std: 2,
      min: -2,
      max: 2,
      l2norm: Math.sqrt(8),
      nonFinite: 3,
    });
  });

  it('gives zeros when there is nothing finite', () => {
    expect(summaryStats([NaN])).toEqual({
      count: 0,
      mean: 0,
      std: 0,
      min: 0,
      max: 0,
      l2norm: 0,
      nonFinite: 1,
    });
    expect(summaryStats([]).count).toBe(0);
  });

  it('does not overflow on exploding values, nor lose the spread of values far from zero', () => {
    expect(summaryStats([3e200, 4e200]).l2norm).toBeCloseTo(5e200, -186);
    // Σv² − n·mean² would cancel to noise here; the spread of 1e9 + {0, 1, 2} is √(2/3).
    expect(summaryStats([1e9, 1e9 + 1, 1e9 + 2]).std).toBeCloseTo(Math.sqrt(2 / 3), 6);
  });

  it('agrees with a plain two-pass computation on random values', () => {
    const random = createRandom(4);
    const values = Float32Array.from({ length: 1000 }, () => 0.3 + 2 * gaussian(random));
    const n = values.length;
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    const s = summaryStats(values);
    expect(s.mean).toBeCloseTo(mean, 10);
    expect(s.std).toBeCloseTo(Math.sqrt(variance), 10);
    expect(s.min).toBe(Math.min(...values));
    expect(s.max).toBe(Math.max(...values));
    expect(s.l2norm).toBeCloseTo(Math.sqrt(values.reduce((t, v) => t + v * v, 0)), 9);
  });
});
