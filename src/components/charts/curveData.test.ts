import { describe, expect, it } from 'vitest';
import {
  prepareSeries,
  cropToRange,
  niceTicks,
  RAW,
  resolveRange,
  toRows,
  valueAt,
  xExtent,
  type CurveSeries,
} from './curveData';

const series = (key: string, points: [number, number | null][]): CurveSeries => ({
  key,
  label: key,
  colour: '#000',
  dashed: false,
  points: points.map(([x, y]) => ({ x, y })),
});

const options = { maxPoints: 300, smoothing: 0, logScale: false };

describe('curve rows', () => {
  it('merges series into one row per x, raw values beside the drawn ones', () => {
    const rows = toRows(
      prepareSeries(
        [
          series('a', [
            [0, 2],
            [5, 1],
          ]),
          series('b', [[5, 3]]),
        ],
        options,
      ),
    );
    expect(rows).toEqual([
      { x: 0, a: 2, ['a' + RAW]: 2 },
      { x: 5, a: 1, ['a' + RAW]: 1, b: 3, ['b' + RAW]: 3 },
    ]);
  });

  it('smooths over the whole series but keeps raw values and spikes', () => {
    const long = series(
      'loss',
      Array.from({ length: 10_000 }, (_, x): [number, number] => [x, x === 4321 ? 50 : 1]),
    );
    const [prepared] = prepareSeries([long], { ...options, smoothing: 0.9 });
    expect(prepared!.drawn.length).toBeLessThanOrEqual(300);
    const spike = prepared!.drawn.find((p) => p.x === 4321);
    expect(spike?.raw).toBe(50);
    // The smoothed value moves towards the spike without reaching it.
    expect(spike?.y).toBeGreaterThan(1);
    expect(spike?.y).toBeLessThan(50);
  });

  it("smooths a run's sparse validation curve over as much x as its training curve", () => {
    // Training every step, validation every 100 steps; validation jumps from 1 to 2 at step 500.
    const train = { ...series('a/train', []), group: 'a' };
    train.points = Array.from({ length: 1001 }, (_, x) => ({ x, y: 1 }));
    const validation = { ...series('a/validation', []), group: 'a' };
    validation.points = Array.from({ length: 11 }, (_, i) => ({ x: 100 * i, y: i < 5 ? 1 : 2 }));
    const [, smoothed] = prepareSeries([train, validation], { ...options, smoothing: 0.9 });
    // 100 steps at 0.9 leave 0.9^100 ≈ 3e-5 of the old value: the jump shows where it happened.
    expect(valueAt(smoothed!, 500)).toBeCloseTo(2, 3);
    // On its own (no training curve to take the spacing from) it is averaged per point, as before.
    const [alone] = prepareSeries([{ ...validation, key: 'v', group: 'v' }], {
      ...options,
      smoothing: 0.9,
    });
    expect(valueAt(alone!, 500)).toBeLessThan(1.3);
  });

  it('drops non-positive values on a log axis', () => {
    const [prepared] = prepareSeries(
      [
        series('a', [
          [0, 0],
          [1, 0.5],
        ]),
      ],
      { ...options, logScale: true },
    );
    expect(prepared!.drawn.map((p) => p.x)).toEqual([1]);
  });

  it('reads a series at any x from its last point at or before it', () => {
    const [prepared] = prepareSeries(
      [
        series('a', [
          [10, 1],
          [20, 2],
        ]),
      ],
      options,
    );
    expect(valueAt(prepared!, 5)).toBeNull();
    expect(valueAt(prepared!, 10)).toBe(1);
    expect(valueAt(prepared!, 19)).toBe(1);
    expect(valueAt(prepared!, 99)).toBe(2);
  });
});

describe('a zoom kept in x', () => {
  const line = (...xs: number[]): CurveSeries => ({
    key: 'a',
    label: 'a',
    colour: '#000',
    dashed: false,
    points: xs.map((x) => ({ x, y: x })),
  });

  it('spans every series', () => {
    expect(xExtent([line(5, 10), line(0, 30)])).toEqual({ min: 0, max: 30 });
    expect(xExtent([line()])).toBeNull();
  });

  it('holds its x range while a live run adds points, or follows the end when it reached it', () => {
    const held = { from: 10, to: 20, toEnd: false };
    expect(resolveRange(held, { min: 0, max: 40 })).toEqual({ from: 10, to: 20 });
    expect(resolveRange(held, { min: 0, max: 90 })).toEqual({ from: 10, to: 20 });
    const following = { from: 10, to: 40, toEnd: true };
    expect(resolveRange(following, { min: 0, max: 90 })).toEqual({ from: 10, to: 90 });
    expect(resolveRange(held, null)).toBeNull();
    expect(resolveRange(null, { min: 0, max: 40 })).toBeNull();
  });

  it('keeps the points inside with one neighbour each side, so lines reach the edges', () => {
    const points = [0, 10, 20, 30, 40].map((x) => ({ x }));
    expect(cropToRange(points, { from: 15, to: 25 }).map((p) => p.x)).toEqual([10, 20, 30]);
    expect(cropToRange(points, { from: 0, to: 10 }).map((p) => p.x)).toEqual([0, 10, 20]);
    expect(cropToRange(points, { from: 35, to: 50 }).map((p) => p.x)).toEqual([30, 40]);
    expect(cropToRange(points, null)).toBe(points);
  });

  it('downsamples only the zoomed range: zooming in shows every point there', () => {
    const long = line(...Array.from({ length: 5000 }, (_, i) => i));
    const whole = prepareSeries([long], { maxPoints: 300, smoothing: 0, logScale: false });
    const inRange = (drawn: { x: number }[]) => drawn.filter((p) => p.x >= 100 && p.x <= 149);
    expect(inRange(whole[0]!.drawn).length).toBeLessThan(10);
    const zoomed = prepareSeries([long], {
      maxPoints: 300,
      smoothing: 0.5,
      logScale: false,
      range: { from: 100, to: 149 },
    });
    expect(inRange(zoomed[0]!.drawn)).toHaveLength(50);
    // Smoothing ran over everything before the range: its first value is not the raw one.
    expect(zoomed[0]!.drawn[1]!.y).not.toBe(zoomed[0]!.drawn[1]!.raw);
  });
});

describe('niceTicks', () => {
  it('gives round ticks inside a zoomed range', () => {
    expect(niceTicks(3.76, 18.34)).toEqual([5, 10, 15]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(120, 480)).toEqual([200, 300, 400]);
    expect(niceTicks(0.1, 0.35)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it('gives the one value of an empty range', () => {
    expect(niceTicks(2, 2)).toEqual([2]);
  });
});
