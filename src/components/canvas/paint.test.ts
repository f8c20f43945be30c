import { describe, expect, it } from 'vitest';
import { classRgb } from './categorical';
import { SEQUENTIAL, LUT_SIZE, type ColourMap } from './colourMaps';
import {
  BOUNDARY_STRENGTH,
  bottomUp,
  channelOf,
  MISSING_RGB,
  paintMatrix,
  paintProbabilities,
  rowMajor,
  scaledIndex,
  transposed,
  type PixelTarget,
} from './paint';

function target(width: number, height: number): PixelTarget {
  return { data: new Uint8ClampedArray(width * height * 4), width, height };
}

function pixel(t: PixelTarget, x: number, y: number): number[] {
  const p = (y * t.width + x) * 4;
  return Array.from(t.data.slice(p, p + 4));
}

function lutColour(map: ColourMap, index: number): number[] {
  return [...Array.from(map.lut.slice(index * 3, index * 3 + 3)), 255];
}

const LAST = LUT_SIZE - 1;

describe('paintMatrix', () => {
  it('paints a row-major matrix one pixel per cell', () => {
    const t = target(3, 2);
    // [[0, 1, 0], [1, 0, 0.5]]
    const values = new Float32Array([0, 1, 0, 1, 0, 0.5]);
    paintMatrix(t, { values, rows: 2, cols: 3, strides: rowMajor(3) }, [0, 1], SEQUENTIAL);
    expect(pixel(t, 0, 0)).toEqual(lutColour(SEQUENTIAL, 0));
    expect(pixel(t, 1, 0)).toEqual(lutColour(SEQUENTIAL, LAST));
    expect(pixel(t, 0, 1)).toEqual(lutColour(SEQUENTIAL, LAST));
    expect(pixel(t, 2, 1)).toEqual(lutColour(SEQUENTIAL, 128));
  });

  it('shows [time, units] transposed, time across', () => {
    const t = target(2, 3); // 2 steps across, 3 units down
    const values = new Float32Array([0, 0, 1, /* t=1 */ 1, 1, 0]);
    paintMatrix(t, { values, rows: 3, cols: 2, strides: transposed(3) }, [0, 1], SEQUENTIAL);
    expect(pixel(t, 0, 2)).toEqual(lutColour(SEQUENTIAL, LAST)); // t=0, unit 2
    expect(pixel(t, 1, 2)).toEqual(lutColour(SEQUENTIAL, 0)); // t=1, unit 2
    expect(pixel(t, 1, 0)).toEqual(lutColour(SEQUENTIAL, LAST)); // t=1, unit 0
  });

  it('puts row 0 at the bottom for a plot grid', () => {
    const t = target(2, 2);
    const values = new Float32Array([1, 1, 0, 0]); // grid row 0 (bottom) is 1
    paintMatrix(t, { values, rows: 2, cols: 2, strides: bottomUp(2, 2) }, [0, 1], SEQUENTIAL);
    expect(pixel(t, 0, 1)).toEqual(lutColour(SEQUENTIAL, LAST));
    expect(pixel(t, 0, 0)).toEqual(lutColour(SEQUENTIAL, 0));
  });

  it('reads one channel of a channels-last tensor at an offset in a larger image', () => {
    const t = target(4, 1);
    // [h=1, w=2, c=2]: channel 1 is [1, 0].
    const values = new Float32Array([0, 1, 1, 0]);
    paintMatrix(
      t,
      { values, rows: 1, cols: 2, strides: channelOf(2, 2, 1) },
      [0, 1],
      SEQUENTIAL,
      'linear',
      2,
      0,
    );
    expect(pixel(t, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(t, 2, 0)).toEqual(lutColour(SEQUENTIAL, LAST));
    expect(pixel(t, 3, 0)).toEqual(lutColour(SEQUENTIAL, 0));
  });

  it('leaves cells past the data transparent and paints NaN as missing', () => {
    const t = target(2, 2);
    t.data.fill(9);
    const values = new Float32Array([NaN, 1, 0]);
    paintMatrix(t, { values, rows: 2, cols: 2, strides: rowMajor(2) }, [0, 1], SEQUENTIAL);
    expect(pixel(t, 0, 0)).toEqual([...MISSING_RGB, 255]);
    expect(pixel(t, 1, 1)[3]).toBe(0);
  });

  it('colours by log(1 + count) on the log1p scale', () => {
    const t = target(3, 1);
    const values = new Float32Array([0, 9, 99]);
    paintMatrix(
      t,
      { values, rows: 1, cols: 3, strides: rowMajor(3) },
      [0, 99],
      SEQUENTIAL,
      'log1p',
    );
    expect(pixel(t, 0, 0)).toEqual(lutColour(SEQUENTIAL, 0));
    // log(10) / log(100) = 0.5: 9 sits half-way, where a linear scale would put it at 9 %.
    expect(pixel(t, 1, 0)).toEqual(lutColour(SEQUENTIAL, 128));
    expect(pixel(t, 2, 0)).toEqual(lutColour(SEQUENTIAL, LAST));
  });
});

describe('scaledIndex', () => {
  it('agrees with paintMatrix on both scales', () => {
    expect(scaledIndex(0.5, [0, 1], 'linear')).toBe(128);
    expect(scaledIndex(9, [0, 99], 'log1p')).toBe(128);
    expect(scaledIndex(NaN, [0, 1], 'log1p')).toBe(-1);
  });
});

describe('paintProbabilities', () => {
  const blend = (c: number, a: number) => 255 + (c - 255) * a;
  /** Uint8ClampedArray rounds halves to even, so compare within one step. */
  const expectColour = (actual: number[], expected: number[]) => {
    expect(actual.length).toBe(expected.length);
    actual.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? NaN))).toBeLessThanOrEqual(0.5));
  };

  it('colours confident points in the class colour, lightened, with y pointing up', () => {
    const t = target(2, 2);
    // p(class 1) per grid point; grid row 0 is the bottom.
    const probs = new Float32Array([1, 1, 0, 0]);
    paintProbabilities(t, probs, 2, 2);
    const a = BOUNDARY_STRENGTH.confident;
    const one = classRgb(1);
    const zero = classRgb(0);
    expectColour(pixel(t, 0, 1), [blend(one[0], a), blend(one[1], a), blend(one[2], a), 255]);
    expectColour(pixel(t, 0, 0), [blend(zero[0], a), blend(zero[1], a), blend(zero[2], a), 255]);
  });

  it('fades towards white where the classes are equally likely', () => {
    const t = target(1, 1);
    paintProbabilities(t, new Float32Array([0.5]), 1, 2);
    const a = BOUNDARY_STRENGTH.uncertain;
    const mix = [0, 1, 2].map((c) => ((classRgb(0)[c] ?? 0) + (classRgb(1)[c] ?? 0)) / 2);
    expectColour(pixel(t, 0, 0), [...mix.map((c) => blend(c, a)), 255]);
  });

  it('reads [cells, k] probabilities for more classes', () => {
    const t = target(1, 1);
    paintProbabilities(t, new Float32Array([0, 0, 1]), 1, 3);
    const two = classRgb(2);
    const a = BOUNDARY_STRENGTH.confident;
    expectColour(pixel(t, 0, 0), [blend(two[0], a), blend(two[1], a), blend(two[2], a), 255]);
  });

  it('marks missing probabilities', () => {
    const t = target(1, 1);
    paintProbabilities(t, new Float32Array([NaN]), 1, 2);
    expect(pixel(t, 0, 0)).toEqual([...MISSING_RGB, 255]);
  });
});
