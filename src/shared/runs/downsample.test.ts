import { describe, expect, it } from 'vitest';
import { downsampleMinMax, type Point } from './downsample';
import { densestSpacing, smoothEma } from './smoothing';

const curve = (n: number, y: (x: number) => number | null): Point[] =>
  Array.from({ length: n }, (_, x) => ({ x, y: y(x) }));

describe('downsampleMinMax', () => {
  it('returns a short series unchanged', () => {
    const points = curve(100, (x) => x);
    expect(downsampleMinMax(points, 300)).toBe(points);
  });

  it('cuts 50,000 points to about the budget, keeping both ends in x order', () => {
    const points = curve(50_000, (x) => Math.exp(-x / 5000));
    const kept = downsampleMinMax(points, 300);
    expect(kept.length).toBeLessThanOrEqual(300);
    expect(kept.length).toBeGreaterThan(250);
    expect(kept[0]).toBe(points[0]);
    expect(kept[kept.length - 1]).toBe(points[points.length - 1]);
    for (let i = 1; i < kept.length; i++) expect(kept[i]!.x).toBeGreaterThan(kept[i - 1]!.x);
  });

  it('keeps a one-step spike and a one-step dip', () => {
    const points = curve(20_000, (x) => (x === 12_345 ? 9 : x === 7_001 ? -3 : 1));
    const kept = downsampleMinMax(points, 200);
    expect(kept.some((p) => p.x === 12_345 && p.y === 9)).toBe(true);
    expect(kept.some((p) => p.x === 7_001 && p.y === -3)).toBe(true);
  });

  it('keeps a gap so the line still breaks', () => {
    const points = curve(10_000, (x) => (x >= 5000 && x < 5003 ? null : 1));
    const kept = downsampleMinMax(points, 100);
    expect(kept.some((p) => p.y === null)).toBe(true);
  });
});

describe('smoothEma', () => {
  it('leaves the curve alone at weight 0', () => {
    expect(smoothEma([3, 1, 2], 0)).toEqual([3, 1, 2]);
  });

  it('is debiased: a constant curve stays constant from the first point', () => {
    const smoothed = smoothEma([5, 5, 5, 5], 0.9);
    for (const value of smoothed) expect(value).toBeCloseTo(5, 10);
  });

  it('matches the hand-computed average and passes gaps through', () => {
    // w = 0.5: a1 = 0.5*2 = 1 → 1/(1-0.5) = 2; a2 = 0.5*1 + 0.5*4 = 2.5 → 2.5/(1-0.25) = 3.333…
    const smoothed = smoothEma([2, null, 4, Number.NaN], 0.5);
    expect(smoothed[0]).toBeCloseTo(2, 10);
    expect(smoothed[1]).toBeNull();
    expect(smoothed[2]).toBeCloseTo(10 / 3, 10);
    expect(smoothed[3]).toBeNaN();
  });

  it('decays by x when given spacing: evenly spaced points match the per-point average', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    const xs = values.map((_, i) => 10 * i);
    const byX = smoothEma(values, 0.8, { xs, unit: 10 });
    smoothEma(values, 0.8).forEach((value, i) => expect(byX[i]).toBeCloseTo(value!, 10));
  });

  it('a point many units after the last one carries the weight of that many steps', () => {
    // w = 0.5, the second point 3 units on: decay 0.125, so (0.5*2*0.125 + 0.875*4) / (0.5*0.125 + 0.875).
    const [first, second] = smoothEma([2, 4], 0.5, { xs: [0, 3], unit: 1 });
    expect(first).toBeCloseTo(2, 10);
    expect(second).toBeCloseTo((0.125 * 1 + 0.875 * 4) / (0.0625 + 0.875), 10);
  });

  it('the densest spacing is the smallest mean gap of any series with two points', () => {
    const line = (...xs: number[]) => xs.map((x) => ({ x }));
    expect(densestSpacing([line(0, 100, 200), line(0, 1, 2, 3), line(7)])).toBe(1);
    expect(densestSpacing([line(5), line()])).toBeNull();
  });
});
