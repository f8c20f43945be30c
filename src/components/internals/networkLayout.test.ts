import { describe, expect, it } from 'vitest';
import { fitsInDot, largestWeight, layoutNetwork, weightInk } from './networkLayout';

describe('layoutNetwork', () => {
  it('centres each column and spreads the columns over the width', () => {
    const layout = layoutNetwork([2, 16, 16, 2], 400, 360);
    expect(layout.columns).toHaveLength(4);
    expect(layout.columns[0]?.x).toBe(layout.nodeSize / 2);
    expect(layout.columns[3]?.x).toBeCloseTo(400 - layout.nodeSize / 2);
    // The tallest column fills the height; a short one sits in its middle.
    const [a, b] = layout.columns[0]?.ys ?? [];
    expect(((a ?? 0) + (b ?? 0)) / 2).toBeCloseTo(layout.height / 2);
    expect(layout.height).toBeLessThanOrEqual(360);
    expect(layout.columns[1]?.ys).toHaveLength(16);
  });

  it('shrinks neurons to fit the height, then the width, but not below 8 px', () => {
    expect(layoutNetwork([2, 3, 1], 600).nodeSize).toBe(40);
    const tall = layoutNetwork([2, 24, 2], 600, 360);
    expect(tall.height).toBeLessThanOrEqual(360);
    expect(tall.nodeSize).toBeLessThan(40);
    const narrow = layoutNetwork([2, 3, 3, 3, 3, 1], 160);
    // Room for lines: columns are at least two neurons apart.
    const gap = (narrow.columns[1]?.x ?? 0) - (narrow.columns[0]?.x ?? 0);
    expect(gap).toBeGreaterThanOrEqual(2 * narrow.nodeSize);
    expect(layoutNetwork([2, 64, 2], 300, 100).nodeSize).toBe(8);
  });
});

describe('weightInk', () => {
  it('draws sign as colour and magnitude as width', () => {
    const strong = weightInk(2, 2);
    const weak = weightInk(0.02, 2);
    const negative = weightInk(-2, 2);
    expect(strong.width).toBe(4);
    expect(weak.width).toBeCloseTo(0.54, 2);
    expect(strong.colour).not.toBe(negative.colour);
    expect(weak.colour).not.toBe(weightInk(-0.02, 2).colour);
    expect(weightInk(-3, 2).width).toBe(4); // clamped at the largest
  });

  it('draws NaN and an all-zero network thin, never throwing', () => {
    expect(weightInk(Number.NaN, 1).width).toBe(0.5);
    expect(weightInk(0, 0).width).toBe(0.5);
  });
});

describe('largestWeight', () => {
  it('is the largest magnitude over every kernel', () => {
    expect(largestWeight([Float32Array.of(0.5, -3), [1, Number.NaN]])).toBe(3);
    expect(largestWeight([])).toBe(0);
  });
});

describe('a label inside a neuron dot', () => {
  it('is drawn when it fits, measured in the characters a font draws wide', () => {
    expect(fitsInDot('x₁', 20)).toBe(true);
    expect(fitsInDot('y₂', 18)).toBe(true);
    // Two Chinese characters need about 22 px: "蓝色" went over the dot's edge.
    expect(fitsInDot('蓝色', 20)).toBe(false);
    expect(fitsInDot('蓝色', 28)).toBe(true);
    expect(fitsInDot('orange', 24)).toBe(false);
    expect(fitsInDot('x₁₀', 18)).toBe(true); // subscripts are narrow
    expect(fitsInDot('x₁', 14)).toBe(false); // too small a dot for any text
  });
});
