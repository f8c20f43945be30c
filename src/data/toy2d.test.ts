import { describe, expect, it } from 'vitest';
import { builtinDataset, DATASET_IDS, isBuiltinDatasetId } from './datasets';
import { generateToy2d, isToy2dId, type Toy2dId } from './toy2d';

const IDS: Toy2dId[] = ['spiral', 'xor', 'circles', 'gaussians'];

const points = (x: Float32Array): Array<[number, number]> =>
  Array.from({ length: x.length / 2 }, (_, i) => [x[2 * i] ?? NaN, x[2 * i + 1] ?? NaN]);

describe('generateToy2d', () => {
  it.each(IDS)('%s: has the requested size, 2 features and labels 0/1', (id) => {
    const data = generateToy2d(id, 301, 0.1, 1);
    expect(data.count).toBe(301);
    expect(data.x).toBeInstanceOf(Float32Array);
    expect(data.x.length).toBe(602);
    expect(data.y).toBeInstanceOf(Int32Array);
    expect(data.y.length).toBe(301);
    expect(Array.from(data.y).every((l) => l === 0 || l === 1)).toBe(true);
    expect(Array.from(data.x).every(Number.isFinite)).toBe(true);
    expect(builtinDataset(id).inputShape).toEqual([2]);
    expect(builtinDataset(id).classes).toHaveLength(2);
  });

  it.each(IDS)('%s: same seed gives identical arrays, another seed different ones', (id) => {
    const a = generateToy2d(id, 200, 0.2, 42);
    const b = generateToy2d(id, 200, 0.2, 42);
    const c = generateToy2d(id, 200, 0.2, 43);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  it.each(IDS)('%s: classes are balanced', (id) => {
    for (const seed of [1, 2, 3]) {
      const data = generateToy2d(id, 1000, 0.1, seed);
      const ones = Array.from(data.y).reduce((s, l) => s + l, 0);
      // The generated sets alternate labels exactly; XOR labels come from random quadrants.
      if (id === 'xor') {
        expect(ones).toBeGreaterThan(440);
        expect(ones).toBeLessThan(560);
      } else {
        expect(ones).toBe(500);
      }
    }
  });

  it.each(IDS)('%s: points lie within about [-1.5, 1.5]²', (id) => {
    for (const noise of [0, 0.1]) {
      const data = generateToy2d(id, 2000, noise, 9);
      const largest = data.x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(largest).toBeLessThanOrEqual(1.5);
      expect(largest).toBeGreaterThan(0.5); // spread out, not collapsed at the origin
    }
  });

  it('xor without noise: the label is the sign rule (same sign → 0), away from the axes', () => {
    const data = generateToy2d('xor', 1000, 0, 5);
    points(data.x).forEach(([a, b], i) => {
      expect(data.y[i]).toBe(a * b > 0 ? 0 : 1);
      expect(Math.abs(a)).toBeGreaterThanOrEqual(0.045 - 1e-6);
      expect(Math.abs(b)).toBeGreaterThanOrEqual(0.045 - 1e-6);
    });
    // All four quadrants occur.
    const quadrants = new Set(points(data.x).map(([a, b]) => `${Math.sign(a)},${Math.sign(b)}`));
    expect(quadrants.size).toBe(4);
  });

  it('circles without noise: a disc inside a ring', () => {
    const data = generateToy2d('circles', 1000, 0, 5);
    points(data.x).forEach(([a, b], i) => {
      const r = Math.hypot(a, b);
      if (data.y[i] === 0) expect(r).toBeLessThanOrEqual(0.45 + 1e-6);
      else {
        expect(r).toBeGreaterThanOrEqual(0.65 - 1e-6);
        expect(r).toBeLessThanOrEqual(0.95 + 1e-6);
      }
    });
  });

  it('gaussians: the two blobs are centred on opposite diagonal points', () => {
    const data = generateToy2d('gaussians', 2000, 0, 5);
    const sums = [
      [0, 0, 0],
      [0, 0, 0],
    ];
    points(data.x).forEach(([a, b], i) => {
      const s = sums[data.y[i] ?? 0] as number[];
      s[0] = (s[0] ?? 0) + a;
      s[1] = (s[1] ?? 0) + b;
      s[2] = (s[2] ?? 0) + 1;
    });
    const [m0, m1] = sums.map(([a = 0, b = 0, n = 1]) => [a / n, b / n]);
    expect(m0?.[0]).toBeCloseTo(0.45, 1);
    expect(m0?.[1]).toBeCloseTo(0.45, 1);
    expect(m1?.[0]).toBeCloseTo(-0.45, 1);
    expect(m1?.[1]).toBeCloseTo(-0.45, 1);
  });

  it('spiral without noise: each arm is the point reflection of the other', () => {
    const data = generateToy2d('spiral', 400, 0, 5);
    const p = points(data.x);
    const arm0 = p.filter((_, i) => data.y[i] === 0);
    const arm1 = p.filter((_, i) => data.y[i] === 1);
    expect(arm0).toHaveLength(200);
    for (const [a, b] of arm1) {
      const mirrored = arm0.some(([c, d]) => Math.abs(a + c) < 1e-5 && Math.abs(b + d) < 1e-5);
      expect(mirrored).toBe(true);
    }
    // It winds: the angle covers more than a full turn while the radius grows from the centre.
    const radii = arm0.map(([a, b]) => Math.hypot(a, b));
    expect(Math.min(...radii)).toBeLessThan(0.1);
    expect(Math.max(...radii)).toBeGreaterThan(0.9);
  });

  it.each(IDS)('%s: stored in a random order, so a validation tail is a fair sample', (id) => {
    const data = generateToy2d(id, 1000, 0, 12);
    const tail = Array.from(data.y.subarray(800));
    const ones = tail.reduce((s, l) => s + l, 0);
    expect(ones).toBeGreaterThan(60);
    expect(ones).toBeLessThan(140);
    // The tail spreads over the whole set: its mean distance from the centre matches the head's.
    const p = points(data.x);
    const meanRadius = (from: number, to: number) =>
      p.slice(from, to).reduce((s, [a, b]) => s + Math.hypot(a, b), 0) / (to - from);
    expect(Math.abs(meanRadius(800, 1000) - meanRadius(0, 800))).toBeLessThan(0.08);
    // Labels are not in a fixed alternating pattern.
    const alternating = tail.every((l, i) => i === 0 || l !== tail[i - 1]);
    expect(alternating).toBe(false);
  });

  it('noise moves the points', () => {
    for (const id of IDS) {
      const clean = generateToy2d(id, 100, 0, 3);
      const noisy = generateToy2d(id, 100, 0.3, 3);
      expect(Array.from(clean.x)).not.toEqual(Array.from(noisy.x));
    }
  });

  it('isToy2dId knows the generated sets only', () => {
    for (const id of IDS) expect(isToy2dId(id)).toBe(true);
    expect(isToy2dId('mnist')).toBe(false);
    expect(isToy2dId('toString')).toBe(false);
  });
});

describe('isBuiltinDatasetId', () => {
  it('accepts the registry ids only, not inherited property names', () => {
    for (const id of ['circles', 'gaussians', 'mnist', 'reverse', 'sort', 'spiral', 'xor']) {
      expect(DATASET_IDS).toContain(id);
    }
    for (const id of DATASET_IDS) expect(isBuiltinDatasetId(id)).toBe(true);
    for (const bad of ['toString', 'constructor', '__proto__', 'MNIST', '', 3, null]) {
      expect(isBuiltinDatasetId(bad)).toBe(false);
    }
  });
});
