import { describe, expect, it } from 'vitest';
import { prepareSeries, RAW, toRows, valueAt, type CurveSeries } from './curveData';

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
