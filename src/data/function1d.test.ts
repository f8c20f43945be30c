import { describe, expect, it } from 'vitest';
import { generateFunction1d, sineTarget } from './function1d';

describe('generateFunction1d', () => {
  it('gives float targets on the curve when there is no noise', () => {
    const data = generateFunction1d(200, 0, 7);
    expect(data.count).toBe(200);
    expect(data.y).toBeInstanceOf(Float32Array);
    for (let i = 0; i < data.count; i++) {
      const x = data.x[i] ?? NaN;
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThanOrEqual(1);
      expect(data.y[i]).toBeCloseTo(sineTarget(x), 5);
    }
  });

  it('adds noise with roughly the requested standard deviation', () => {
    const data = generateFunction1d(4000, 0.2, 1);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < data.count; i++) {
      const residual = (data.y[i] ?? NaN) - sineTarget(data.x[i] ?? NaN);
      sum += residual;
      squares += residual * residual;
    }
    const mean = sum / data.count;
    const std = Math.sqrt(squares / data.count - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(std).toBeGreaterThan(0.18);
    expect(std).toBeLessThan(0.22);
  });

  it('is deterministic from the seed', () => {
    expect(Array.from(generateFunction1d(50, 0.1, 3).y)).toEqual(
      Array.from(generateFunction1d(50, 0.1, 3).y),
    );
    expect(Array.from(generateFunction1d(50, 0.1, 3).y)).not.toEqual(
      Array.from(generateFunction1d(50, 0.1, 4).y),
    );
  });
});
