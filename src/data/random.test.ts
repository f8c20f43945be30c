import { describe, expect, it } from 'vitest';
import { createRandom, gaussian, shuffledIndices } from './random';

const draw = (seed: number, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random());
};

describe('createRandom', () => {
  it('is deterministic for a seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('gives a different sequence for a different seed', () => {
    const a = draw(42, 100);
    const b = draw(43, 100);
    expect(a).not.toEqual(b);
    // Not just one value: the sequences are unrelated.
    expect(a.filter((v, i) => v === b[i]).length).toBeLessThan(3);
  });

  it('matches the reference mulberry32 output (the same generator scripts/build-mnist.mjs uses)', () => {
    // First values of mulberry32(0), computed independently.
    const ref = (seed: number) => {
      let a = seed >>> 0;
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    expect(createRandom(0)()).toBe(ref(0));
    expect(createRandom(123456)()).toBe(ref(123456));
  });

  it('stays in [0, 1) with a roughly uniform mean', () => {
    const values = draw(7, 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    // Each tenth of the interval gets about a tenth of the values.
    const bins = new Array<number>(10).fill(0);
    for (const v of values) bins[Math.floor(v * 10)] = (bins[Math.floor(v * 10)] ?? 0) + 1;
    bins.forEach((count) => expect(Math.abs(count - 2000)).toBeLessThan(200));
  });

  it('treats seeds as 32-bit unsigned integers', () => {
    expect(draw(-1, 5)).toEqual(draw(0xffffffff, 5));
  });
});

describe('gaussian', () => {
  it('has mean about 0 and standard deviation about 1', () => {
    const random = createRandom(99);
    const n = 20_000;
    const values = Array.from({ length: n }, () => gaussian(random));
    const mean = values.reduce((s, v) => s + v, 0) / n;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.sqrt(variance)).toBeGreaterThan(0.97);
    expect(Math.sqrt(variance)).toBeLessThan(1.03);
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it('is finite even when the generator returns 0', () => {
    const zeros = () => 0;
    expect(Number.isFinite(gaussian(zeros))).toBe(true);
  });
});

describe('shuffledIndices', () => {
  it('is a permutation of 0..n-1', () => {
    for (const n of [0, 1, 2, 17, 1000]) {
      const order = shuffledIndices(n, createRandom(n + 1));
      expect(order).toBeInstanceOf(Int32Array);
      expect(order.length).toBe(n);
      expect(Array.from(order).sort((a, b) => a - b)).toEqual(
        Array.from({ length: n }, (_, i) => i),
      );
    }
  });

  it('actually shuffles, deterministically for a seed', () => {
    const a = shuffledIndices(500, createRandom(5));
    const b = shuffledIndices(500, createRandom(5));
    const c = shuffledIndices(500, createRandom(6));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    const fixedPoints = Array.from(a).filter((v, i) => v === i).length;
    expect(fixedPoints).toBeLessThan(10);
  });

  it('moves every index to every position about equally often', () => {
    // First position over many shuffles of 4: each value about a quarter of the time.
    const random = createRandom(11);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) {
      const first = shuffledIndices(4, random)[0] ?? -1;
      counts[first] = (counts[first] ?? 0) + 1;
    }
    counts.forEach((c) => expect(Math.abs(c - 2000)).toBeLessThan(150));
  });
});
